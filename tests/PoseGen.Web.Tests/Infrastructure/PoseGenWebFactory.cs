using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PoseGen.Data;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database: a fresh SQLite file, or a fresh database in the throwaway PostgreSQL cluster.
/// Each factory gets its own data folder (SQLite file, media, keys), deleted on dispose.
/// </summary>
public sealed class PoseGenWebFactory : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private readonly string? _postgresConnectionString;
    private bool _ownsDataRoot = true;

    public PoseGenWebFactory(DatabaseProvider provider = DatabaseProvider.Sqlite,
        string? postgresConnectionString = null)
    {
        _provider = provider;
        _postgresConnectionString = postgresConnectionString;
        DataRoot = Path.Combine(Path.GetTempPath(), "posegen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataRoot);
    }

    public string DataRoot { get; }

    /// <summary>
    /// The app as the next process would start it: the same data folder (database, media, keys) and settings, no test
    /// doubles. The folder passes to the new factory, so this one can be disposed first, as a process ends.
    /// </summary>
    public PoseGenWebFactory NextProcess()
    {
        var next = new PoseGenWebFactory(this);
        _ownsDataRoot = false;
        return next;
    }

    /// <summary>
    /// Another instance beside this one, as behind a load balancer: the same database, data folder (a shared volume),
    /// settings and test doubles. This one keeps the folder, so it is disposed last.
    /// </summary>
    public PoseGenWebFactory AnotherInstance() => new(this) { _ownsDataRoot = false, TestServices = TestServices };

    private PoseGenWebFactory(PoseGenWebFactory previous)
    {
        _provider = previous._provider;
        _postgresConnectionString = previous._postgresConnectionString;
        DataRoot = previous.DataRoot;
        foreach (var (key, value) in previous.Settings)
            Settings[key] = value;
    }

    /// <summary>Extra configuration for one test class, e.g. a small upload limit.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Test doubles for ports (e.g. the image generator), added after the app's own registrations.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataRoot", DataRoot);
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:Sqlite",
            $"Data Source={Path.Combine(DataRoot, "posegen.db")};Pooling=False");
        builder.UseSetting("ConnectionStrings:Postgres", _postgresConnectionString ?? "");
        // A test class signs many users in from one address within a minute; the rate-limit tests set their own limits.
        builder.UseSetting("Security:AccountRequestsPerMinute", "100000");
        builder.UseSetting("Security:WorkRequestsPerMinute", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (TestServices is { } configure)
            builder.ConfigureTestServices(configure);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataRoot && Directory.Exists(DataRoot))
            Directory.Delete(DataRoot, recursive: true);
    }
}
