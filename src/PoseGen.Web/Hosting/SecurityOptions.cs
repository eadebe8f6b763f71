using System.ComponentModel.DataAnnotations;

namespace PoseGen.Web.Hosting;

/// <summary>Transport, header and throttling settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Outside Development: HSTS and a redirect from http to https. The redirect only happens when the server has an
    /// https address (or https_port is set), so a plain-http local run is left alone.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Behind a reverse proxy: take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto, trusted
    /// only from <see cref="KnownProxies"/> (loopback when empty). Off by default, since trusting the headers from
    /// anyone lets a client pick its own address and so its own rate-limit partition.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>
    /// Sign-in, registration and password requests per client address per minute (pages and API together). Ten lets a
    /// person mistype a password several times; a password-guessing script gets 429 long before it matters.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AccountRequestsPerMinute { get; set; } = 10;

    /// <summary>
    /// Model work per user (photo detection, comparison, context, recommendations with a photo, generation, video
    /// jobs): a burst of this many, refilled at this many per minute. Far above what a person does by hand (the
    /// evaluation script sends about a hundred fixture files in a few minutes), low enough that one account cannot keep
    /// the models busy for everyone.
    /// </summary>
    [Range(1, 1_000_000)]
    public int WorkRequestsPerMinute { get; set; } = 120;
}
