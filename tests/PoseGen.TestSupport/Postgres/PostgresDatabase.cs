namespace PoseGen.TestSupport.Postgres;

/// <summary>
/// An empty database on the shared throwaway cluster, for one test class (<c>IClassFixture&lt;PostgresDatabase&gt;</c>)
/// or one collection. Dropped when the fixture is disposed; the cluster itself lives until the test process exits.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The database name, e.g. <c>posegen_3</c>.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Npgsql connection string to this database (trust authentication, no password).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetSharedAsync();
        Name = await _server.CreateDatabaseAsync();
        ConnectionString = _server.ConnectionStringFor(Name);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null && Name.Length > 0)
        {
            await _server.DropDatabaseAsync(Name);
        }
    }
}
