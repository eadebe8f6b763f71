using Microsoft.Extensions.DependencyInjection;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.TestSupport.Redis;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// What app instances behind a load balancer share: one PostgreSQL database (the test class's fixture) and a private
/// Redis, started before each test and stopped after it. A test class holds one, forwards its IAsyncLifetime calls to
/// it, and asks it for as many instances as a test needs.
/// </summary>
public sealed class SharedBackends(PostgresDatabase database) : IAsyncLifetime
{
    private RedisServer? _redis;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_redis is not null)
            await _redis.DisposeAsync();
    }

    /// <summary>A new app instance on the shared database and Redis, with <paramref name="testServices"/> as its
    /// test doubles.</summary>
    public PoseGenWebFactory Instance(Action<IServiceCollection>? testServices = null)
    {
        var factory = new PoseGenWebFactory(DatabaseProvider.Postgres, database.ConnectionString)
        {
            TestServices = testServices,
        };
        factory.Settings["Redis:Configuration"] = _redis!.Configuration;
        return factory;
    }
}
