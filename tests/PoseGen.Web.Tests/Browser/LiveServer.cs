using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// The app as <see cref="PoseGenWebFactory"/> configures it (fresh SQLite file and data folder), but on real Kestrel:
/// a browser cannot reach the in-memory TestServer. Listens on a free port of 127.0.0.1.
/// </summary>
public sealed class LiveServer : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public LiveServer()
    {
        // Port 0: Kestrel picks a free port; the factory records the bound address in ClientOptions.BaseAddress.
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    /// <summary>Where the site is served, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    /// <summary>The running app's services, for a test that seeds data before it looks at a page.</summary>
    public IServiceProvider Services => _factory.Services;

    public void Dispose() => _factory.Dispose();
}
