using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Data;
using PoseGen.Inference.Scheduling;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Generation;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stopped while the app runs and started again. Each test has a private cluster (the shared one serves the
/// other test classes) and stops it with a fast shutdown, as an outage or a database restart would: open sessions end,
/// new connections are refused.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly ControlMapGenerator _generator = new(gated: true);
    private PostgresServer _server = null!;
    private PoseGenWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        var database = await _server.CreateDatabaseAsync("outage");
        _factory = new PoseGenWebFactory(DatabaseProvider.Postgres, _server.ConnectionStringFor(database));
        // One inference worker, so a test can hold a clip's analysis at a known point.
        _factory.Settings["Inference:Scheduler:Workers"] = "1";
        _factory.TestServices = services => services.AddSingleton<IPoseImageGenerator>(_generator);
        _client = await ApiClient.CreateSignedInAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownRequestsAre503ProblemsAndHealthSaysSoThenEverythingWorksWhenItIsBack()
    {
        await _server.StopServerAsync();

        var refused = await _client.GetAsync("/api/v1/history");

        refused.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The database is not reachable right now", text, StringComparison.Ordinal);
        foreach (var leak in new[] { "Npgsql", "Exception", "127.0.0.1",
            _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        var health = await _factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", (await CheckAsync(health, "database")).GetProperty("status").GetString());

        await _server.StartAgainAsync();

        await UntilTheDatabaseAnswersAsync();
        var healthAgain = await _factory.CreateClient().GetAsync("/health");
        Assert.Equal("Healthy", (await CheckAsync(healthAgain, "database")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AClipWhoseResultCannotBeSavedKeepsItsClipAndIsRetriedToTheEndWhenTheDatabaseIsBack()
    {
        string id;
        await using (await WorkoutFaults.HoldTheInferenceWorkerAsync(_factory.Services))
        {
            id = await WorkoutFaults.UploadShortClipAsync(_client);
            // Marked running in the database; its first frame waits for the held worker. Then the database goes.
            await WorkoutFaults.UntilAsync(() => _factory.Services.GetRequiredService<InferenceScheduler>()
                .QueuedBackground == 1);
            await _server.StopServerAsync();
        }

        // The analysis ends but nothing can be saved; the job says so in the log and is kept, with its clip, for a
        // retry.
        await WorkoutFaults.UntilLoggedAsync(_factory.DataRoot, id, "failed");
        Assert.False(_factory.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.IsCancellationRequested);
        var videos = _factory.Services.GetRequiredService<WorkoutVideoStore>();
        Assert.Single(Directory.GetFiles(videos.Folder));
        await _server.StartAgainAsync();
        await UntilTheDatabaseAnswersAsync();

        // The job server retries it once the database answers, to the end, and removes its clip.
        Assert.Equal("done", (await WorkoutFaults.PollUntilFinishedAsync(_client, id)).GetProperty("status")
            .GetString());
        Assert.Empty(Directory.GetFiles(videos.Folder));

        // The same server still takes new clips and finishes them.
        var next = await WorkoutFaults.UploadShortClipAsync(_client);
        Assert.Equal("done", (await WorkoutFaults.PollUntilFinishedAsync(_client, next)).GetProperty("status")
            .GetString());
    }

    [Fact]
    public async Task ARenderWhoseEndCannotBeSavedKeepsNoPictureAndIsRetriedToTheEndWhenTheDatabaseIsBack()
    {
        var id = await GenerationClient.PostAsync(_client, GenerationClient.Request());
        await GenerationClient.PollUntilAsync(_client, id, "running");
        var media = Path.Combine(_factory.DataRoot, "media");
        var mapOnly = Directory.GetFiles(media, "*", SearchOption.AllDirectories);
        await _server.StopServerAsync();

        // The render finishes while the database is down: its picture cannot be recorded, so it is not kept either, and
        // the job says so in the log and is kept for a retry.
        _generator.Gate!.Release(3);
        await WorkoutFaults.UntilLoggedAsync(_factory.DataRoot, id, "failed");
        Assert.Equal(mapOnly, Directory.GetFiles(media, "*", SearchOption.AllDirectories));
        Assert.False(_factory.Services.GetRequiredService<IHostApplicationLifetime>()
            .ApplicationStopping.IsCancellationRequested);
        (await _client.GetAsync($"/api/v1/generations/{id}")).AssertProblem(HttpStatusCode.ServiceUnavailable);

        await _server.StartAgainAsync();
        await UntilTheDatabaseAnswersAsync();
        _generator.Gate.Release(100);

        // The job server retries it once the database answers, to the end.
        var status = await GenerationClient.PollUntilAsync(_client, id, "done", "failed");
        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(
            status.GetProperty("resultUrl").GetString())).StatusCode);

        // The same server still renders new requests.
        var next = await GenerationClient.PostAsync(_client, GenerationClient.Request());
        Assert.Equal("done", (await GenerationClient.PollUntilAsync(_client, next, "done", "failed")).GetProperty(
            "status").GetString());
    }

    /// <summary>
    /// Connections the shutdown broke are dropped as the pool meets them; until then a request may still fail, and its
    /// answer is a 503, never a 500.
    /// </summary>
    private async Task UntilTheDatabaseAnswersAsync()
    {
        HttpResponseMessage history;
        var attempts = 0;
        while ((history = await _client.GetAsync("/api/v1/history")).StatusCode != HttpStatusCode.OK && ++attempts < 20)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, history.StatusCode);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    private static async Task<JsonElement> CheckAsync(HttpResponseMessage health, string name) =>
        JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty(name)
            .Clone();
}
