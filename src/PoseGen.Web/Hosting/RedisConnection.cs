using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PoseGen.Web.Hosting;

/// <summary>
/// The process's one connection to Redis for its own keys and the health check (the SignalR backplane keeps its own and
/// does not expose it). Opened on first use and kept; it reconnects by itself
/// (<see cref="RedisOptions.ConnectionOptions"/>).
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <summary>Key prefix: the channel prefix, so that applications sharing the server keep apart.</summary>
    public string Prefix => options.Value.ChannelPrefix;

    public async Task<IDatabase> DatabaseAsync(CancellationToken ct = default)
    {
        if (_connection is { } open)
            return open.GetDatabase();
        await _connecting.WaitAsync(ct);
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(options.Value.ConnectionOptions());
            return _connection.GetDatabase();
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
