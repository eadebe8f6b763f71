using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// The real app on real Kestrel (a browser cannot reach the in-memory TestServer), listening on a free port of
/// 127.0.0.1, with an embedded SQLite database and media folder of its own in a temporary directory.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dataRoot = Directory.CreateTempSubdirectory("posegen-browser-");

    public KestrelAppFactory()
    {
        // Port 0: Kestrel picks a free port; ClientOptions.BaseAddress is updated to it when the server starts.
        UseKestrel(0);
    }

    /// <summary>Where the site is served, e.g. http://127.0.0.1:41234/. Starts the server on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Storage:DataRoot", _dataRoot.FullName);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_dataRoot.FullName, "posegen.db")}");
        builder.UseSetting("Inference:Device", "Cpu");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // SQLite keeps pooled connections open until cleared; the folder is deleted once the host is gone.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dataRoot.Delete(recursive: true);
    }
}
