using PoseGen.Data;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>Serilog.AspNetCore's request logging through the app's own configuration (console + rolling file under the
/// data folder, here the test host's temporary one).</summary>
public sealed class RequestLoggingTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new(DatabaseProvider.Sqlite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EachRequestIsOneLineInTheTestHostsLogFile()
    {
        var client = _factory.CreateClient();
        await client.GetAsync("/health");
        await client.GetAsync("/no-such-page");

        var text = await LogTextAsync(t => t.Contains("GET /health", StringComparison.Ordinal)
            && t.Contains("/no-such-page", StringComparison.Ordinal));

        Assert.Matches(@"HTTP GET /health responded 200 in \d+\.\d ms", text);
        Assert.Matches(@"HTTP GET /no-such-page responded 404 in \d+\.\d ms", text);
    }

    [Fact]
    public async Task AHostsRequestLinesGoToItsOwnFileWhileAnotherHostRuns()
    {
        // Serilog's static logger belongs to the last host started; the request logger must not write through it.
        var client = _factory.CreateClient();
        using var later = new PoseGenWebFactory(DatabaseProvider.Sqlite);
        later.CreateClient();
        await client.GetAsync("/no-such-page-either");

        var text = await LogTextAsync(t => t.Contains("/no-such-page-either", StringComparison.Ordinal));
        Assert.Matches(@"HTTP GET /no-such-page-either responded 404 in \d+\.\d ms", text);
    }

    /// <summary>The test host's log files, read until <paramref name="done"/> holds. The file sink writes each event as
    /// it comes; up to 30 s are allowed for the request logger after the response (a loaded CI run took over 5
    /// s).</summary>
    private async Task<string> LogTextAsync(Func<string, bool> done)
    {
        var folder = Path.Combine(_factory.DataRoot, "logs");
        var text = "";
        for (var i = 0; i < 300 && !done(text); i++)
        {
            await Task.Delay(100);
            text = Directory.Exists(folder)
                ? string.Concat(Directory.GetFiles(folder, "posegen-*.log").Select(f =>
                {
                    using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    return new StreamReader(stream).ReadToEnd();
                }))
                : "";
        }
        return text;
    }
}
