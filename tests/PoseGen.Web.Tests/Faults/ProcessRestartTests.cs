using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Data;
using PoseGen.Inference.Scheduling;
using PoseGen.Web.Services.Generation;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Generation;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Faults;

/// <summary>
/// The process ends during a job and the app starts again on the same data folder: each start is a real host, stopped
/// the way a process ends (its workers' stopping token fires mid-job), and the next one is a new host on the same
/// database and media.
/// </summary>
public sealed class ProcessRestartTests : IDisposable
{
    private readonly string _email = BrowserLikeClient.NewEmail();
    private readonly List<PoseGenWebFactory> _starts = [];

    public void Dispose()
    {
        foreach (var start in _starts)
            start.Dispose();
    }

    [Fact]
    public async Task ARenderInterruptedByTheProcessEndingIsRenderedToTheEndByTheNextStart()
    {
        var first = Start(new ControlMapGenerator(gated: true));
        string id;
        using (var client = await ApiClient.CreateSignedInAsync(first, _email))
        {
            id = await GenerationClient.PostAsync(client, GenerationClient.Request());
            await GenerationClient.PollUntilAsync(client, id, "running");
        }
        var second = Start(new ControlMapGenerator());
        first.Dispose();

        using var again = await ApiClient.SignInAsync(second, _email, BrowserLikeClient.Password);
        var status = await GenerationClient.PollUntilAsync(again, id, "done", "failed", "cancelled");

        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await again.GetAsync(
            status.GetProperty("resultUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task ARenderTheProcessEndedDuringTwiceIsFailedAtTheNextStartWithNoPictureKept()
    {
        var first = Start(new ControlMapGenerator(gated: true));
        string id;
        using (var client = await ApiClient.CreateSignedInAsync(first, _email))
        {
            id = await GenerationClient.PostAsync(client, GenerationClient.Request());
            await GenerationClient.PollUntilAsync(client, id, "running");
        }
        var media = Path.Combine(first.DataRoot, "media");
        var mapOnly = Directory.GetFiles(media, "*", SearchOption.AllDirectories);
        var second = Start(new ControlMapGenerator(gated: true));
        first.Dispose();

        // The next start takes the render up again (its second run) and ends during it as well.
        await UntilAsync(async () => await GenerationStateAsync(second, id) == (GenerationJobDocument.Running, 2),
            "The second start never ran the interrupted render.");
        var third = Start(new ControlMapGenerator());
        second.Dispose();

        using var client3 = await ApiClient.SignInAsync(third, _email, BrowserLikeClient.Password);
        var status = await GenerationClient.PollUntilAsync(client3, id, "done", "failed", "cancelled");

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal(GenerationJob.InterruptedMessage, status.GetProperty("error").GetString());
        Assert.Equal(mapOnly, Directory.GetFiles(media, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AClipInterruptedByTheProcessEndingKeepsItsClipAndIsAnalysedToTheEndByTheNextStart()
    {
        var first = Start();
        PoseGenWebFactory second;
        // One inference worker, so the clip's first frame waits behind a hold at a known point.
        first.Settings["Inference:Scheduler:Workers"] = "1";
        string id;
        using (var client = await ApiClient.CreateSignedInAsync(first, _email))
        {
            var scheduler = first.Services.GetRequiredService<InferenceScheduler>();
            var hold = await WorkoutFaults.HoldTheInferenceWorkerAsync(first.Services);
            id = await WorkoutFaults.UploadShortClipAsync(client);
            await WorkoutFaults.UntilAsync(() => scheduler.QueuedBackground == 1);

            // The process ends with the analysis under way: stopping withdraws its queued frame, then the hold goes.
            second = Start();
            var stopping = Task.Run(first.Dispose);
            await WorkoutFaults.UntilAsync(() => scheduler.QueuedBackground == 0);
            await hold.DisposeAsync();
            await stopping;
        }
        var clips = Path.Combine(first.DataRoot, "videos");
        Assert.Single(Directory.GetFiles(clips));

        using var again = await ApiClient.SignInAsync(second, _email, BrowserLikeClient.Password);
        var status = await WorkoutFaults.PollUntilFinishedAsync(again, id);

        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Empty(Directory.GetFiles(clips));
    }

    /// <summary>
    /// The first start, or the next one on the last one's folder; created before the last is disposed, which would
    /// otherwise delete the folder.
    /// </summary>
    private PoseGenWebFactory Start(IPoseImageGenerator? generator = null)
    {
        var start = _starts.Count == 0 ? new PoseGenWebFactory() : _starts[^1].NextProcess();
        if (generator is not null)
            start.TestServices = services => services.AddSingleton(generator);
        _starts.Add(start);
        return start;
    }

    /// <summary>A job's stored status and number of runs started, as the given start's database has them.</summary>
    private static async Task<(string Status, int Attempts)> GenerationStateAsync(PoseGenWebFactory app, string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var document = await db.Activities.AsNoTracking().Where(a => a.Id == Guid.Parse(id)).Select(a => a.Document)
            .SingleAsync();
        return GenerationJobDocument.TryRead(document) is { } d ? (d.Status, d.Attempts) : default;
    }

    private static async Task UntilAsync(Func<Task<bool>> state, string failure)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await state())
                return;
            await Task.Delay(50);
        }
        Assert.Fail(failure);
    }
}
