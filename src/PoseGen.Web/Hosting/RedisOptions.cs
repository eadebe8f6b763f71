using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Section "Redis": the SignalR backplane and the live workout sessions' store, for running several instances behind a
/// load balancer. Empty (the default) means one instance: hub messages and live sessions stay in this process and no
/// Redis is needed.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis connection string, e.g. <c>redis:6379</c> or <c>10.0.0.5:6379,password=...,ssl=true</c>.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of the backplane's channels and of the live sessions' keys, so that other applications (or
    /// another PoseGen) can share the server.</summary>
    [Required, StringLength(64, MinimumLength = 1)]
    public string ChannelPrefix { get; set; } = "PoseGen";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>The parsed connection options; only call when <see cref="IsEnabled"/>.</summary>
    public ConfigurationOptions ConnectionOptions()
    {
        var options = ConfigurationOptions.Parse(Configuration!);
        // Start even while Redis is down and keep reconnecting: hub messages to other instances are lost meanwhile,
        // everything else works, and /health says Redis is unhealthy.
        options.AbortOnConnectFail = false;
        options.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
        return options;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
            yield break;
        string? problem = null;
        try
        {
            if (ConfigurationOptions.Parse(Configuration!).EndPoints.Count == 0)
                problem = "Redis:Configuration names no server (expected host:port).";
        }
        catch (ArgumentException)
        {
            // The parser's message repeats the whole string, password included; say which setting is wrong instead.
            problem = "Redis:Configuration is not a valid StackExchange.Redis connection string.";
        }
        if (problem is not null)
            yield return new ValidationResult(problem, [nameof(Configuration)]);
    }
}
