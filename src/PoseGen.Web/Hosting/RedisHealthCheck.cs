using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The Redis backplane's server answers a PING. Its own connection (opened on the first check, kept for the process), as
/// the backplane does not expose its one. Unhealthy when Redis is down: hub messages then reach only this instance's clients.
/// </summary>
public sealed class RedisHealthCheck(IOptions<RedisOptions> options) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectionAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis backplane answers",
                new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The exception names the server and its state; /health never carries a library's error text.
            return HealthCheckResult.Unhealthy("Redis backplane does not answer: hub messages reach this instance's clients only");
        }
    }

    private async Task<ConnectionMultiplexer> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is { } open)
            return open;
        await _connecting.WaitAsync(ct);
        try
        {
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(options.Value.ConnectionOptions());
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
            await connection.DisposeAsync();
        _connecting.Dispose();
    }
}
