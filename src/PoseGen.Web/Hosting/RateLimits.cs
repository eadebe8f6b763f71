using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PoseGen.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter with two policies: <see cref="Accounts"/> per client address for sign-in, registration
/// and password endpoints, <see cref="Work"/> per user for the requests that run models. A refused request gets 429
/// with Retry-After and problem details (API) or the friendly status page (pages).
/// </summary>
public static class RateLimits
{
    public const string Accounts = "accounts";
    public const string Work = "work";

    public static IServiceCollection AddPoseGenRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Accounts, context =>
            {
                var limit = Settings(context).AccountRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context),
                    _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.AddPolicy(Work, context =>
            {
                var limit = Settings(context).WorkRequestsPerMinute;
                var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
                return RateLimitPartition.GetTokenBucketLimiter(user ?? "address:" + ClientAddress(context),
                    _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit,
                    TokensPerPeriod = limit,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    private static SecurityOptions Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;

    /// <summary>
    /// The client's address as the server sees it (the proxy's client when forwarded headers are trusted).
    /// </summary>
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString()
        ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"Too many requests in a short time; try again in {seconds} s.");
        if (!ApiRequests.IsApi(http.Request))
        {
            // Pages: the status page explains it (UseStatusCodePages re-executes it for an empty 429).
            return;
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests,
                Title = ExceptionStatus.Title(StatusCodes.Status429TooManyRequests), Detail = detail },
        });
    }
}
