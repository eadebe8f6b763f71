using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The Redis server answers a PING. Unhealthy when Redis is down: hub messages then reach only this instance's clients,
/// and live workout sessions stay on the instance that holds them.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.DatabaseAsync(cancellationToken)).PingAsync();
            return HealthCheckResult.Healthy("Redis backplane answers",
                new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The exception names the server and its state; /health never carries a library's error text.
            return HealthCheckResult.Unhealthy(
                "Redis backplane does not answer: hub messages reach this instance's clients only");
        }
    }
}
