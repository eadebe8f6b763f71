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

        var folder = Path.Combine(_factory.DataRoot, "logs");
        string text = "";
        // The file sink writes each event as it comes; allow the request logger a moment after the response (up to 30 s:
        // a CI run under full load once took more than 5 s to show the first line).
        for (var i = 0; i < 300 && !(text.Contains("GET /health", StringComparison.Ordinal) && text.Contains("/no-such-page", StringComparison.Ordinal)); i++)
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

        var folder = Path.Combine(_factory.DataRoot, "logs");
        var text = "";
        for (var i = 0; i < 300 && !text.Contains("/no-such-page-either", StringComparison.Ordinal); i++)
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
        Assert.Matches(@"HTTP GET /no-such-page-either responded 404 in \d+\.\d ms", text);
    }
}
