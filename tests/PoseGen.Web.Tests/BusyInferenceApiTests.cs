using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Scheduling;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// The app with one inference worker and the given waiting room; a test holds that worker with a gate.
/// </summary>
public abstract class OneWorkerAppFixture(int queueLength, double queueTimeoutSeconds) : IAsyncLifetime
{
    public PoseGenWebFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public InferenceScheduler Scheduler => Factory.Services.GetRequiredService<InferenceScheduler>();

    public async Task InitializeAsync()
    {
        Factory.Settings["Inference:Scheduler:Workers"] = "1";
        Factory.Settings["Inference:Scheduler:QueueLength"] = queueLength.ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Inference:Scheduler:QueueTimeoutSeconds"] =
            queueTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.Settings["Inference:Scheduler:RetryAfterSeconds"] = "7";
        Client = await ApiClient.CreateSignedInAsync(Factory);
    }

    /// <summary>
    /// Occupies the only worker until the returned gate is opened (then waits for the hold to finish).
    /// </summary>
    public async Task<IAsyncDisposable> HoldTheWorkerAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = new ManualResetEventSlim();
        var hold = Scheduler.RunAsync(InferencePriority.Interactive, _ =>
        {
            started.TrySetResult();
            return open.Wait(TimeSpan.FromMinutes(2));
        }, CancellationToken.None);
        await started.Task;
        return new Release(open, hold);
    }

    /// <summary>Waits for a state of the scheduler (not for a time): fails only if it never comes.</summary>
    public async Task UntilAsync(Func<InferenceScheduler, bool> state)
    {
        for (var i = 0; i < 3000 && !state(Scheduler); i++)
            await Task.Delay(10);
        Assert.True(state(Scheduler), "The scheduler never reached the expected state.");
    }

    private sealed class Release(ManualResetEventSlim open, Task<bool> hold) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            open.Set();
            await hold;
            open.Dispose();
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>No waiting room: a model request that finds the worker busy is refused at once.</summary>
public sealed class NoQueueAppFixture() : OneWorkerAppFixture(queueLength: 0, queueTimeoutSeconds: 600);

/// <summary>Room to wait, for a fraction of a second.</summary>
public sealed class ShortDeadlineAppFixture() : OneWorkerAppFixture(queueLength: 4, queueTimeoutSeconds: 0.2);

/// <summary>Room to wait, for as long as a test needs.</summary>
public sealed class LongDeadlineAppFixture() : OneWorkerAppFixture(queueLength: 4, queueTimeoutSeconds: 600);

public sealed class BusyInferenceApiTests(NoQueueAppFixture app) : IClassFixture<NoQueueAppFixture>
{
    private static readonly string Photo = RepoPaths.Fixture("people", "mpii_004645041.jpg");

    /// <summary>Every feature that runs a model on a photo, as one multipart request.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string feature)
    {
        var bytes = await File.ReadAllBytesAsync(Photo);
        using var content = new MultipartFormDataContent();
        void Add(string field)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, field, "photo.jpg");
        }
        var url = feature switch
        {
            "detect" => "/api/v1/poses/detect?model=thunder",
            "compare" => "/api/v1/poses/compare",
            "context" => "/api/v1/context/classify",
            "recommendations" => "/api/v1/recommendations",
            _ => throw new ArgumentOutOfRangeException(nameof(feature)),
        };
        if (feature == "compare")
        {
            Add("reference");
            Add("candidate");
        }
        else
        {
            Add("image");
        }
        return await client.PostAsync(url, content);
    }

    [Theory]
    [InlineData("detect")]
    [InlineData("compare")]
    [InlineData("context")]
    [InlineData("recommendations")]
    public async Task AModelRequestFindingTheWorkerBusyAndNoRoomToWaitIs503WithRetryAfter(string feature)
    {
        HttpResponseMessage response;
        await using (await app.HoldTheWorkerAsync())
            response = await SendAsync(app.Client, feature);

        response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("busy", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("/", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedPhotoLeavesNoHistoryAndIsAnsweredOnceTheWorkerIsFree()
    {
        HttpResponseMessage refused;
        await using (await app.HoldTheWorkerAsync())
            refused = await SendAsync(app.Client, "detect");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using var before = JsonDocument.Parse(await app.Client.GetStringAsync(
            "/api/v1/history?kind=analysis&take=200"));

        var answered = await SendAsync(app.Client, "detect");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var body = JsonDocument.Parse(await answered.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("people").GetArrayLength());
        using var after = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/history?kind=analysis&take=200"));
        Assert.Equal(Count(before) + 1, Count(after));
    }

    private static int Count(JsonDocument history) => history.RootElement.GetArrayLength();
}

public sealed class InferenceDeadlineApiTests(ShortDeadlineAppFixture app) : IClassFixture<ShortDeadlineAppFixture>
{
    [Fact]
    public async Task APhotoThatWaitsPastItsDeadlineIs503WithRetryAfter()
    {
        HttpResponseMessage response;
        // The worker stays held until the answer is back, so the photo can only leave the queue by its deadline.
        await using (await app.HoldTheWorkerAsync())
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(
                RepoPaths.Fixture("people", "mpii_004645041.jpg")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "image", "photo.jpg");
            response = await app.Client.PostAsync("/api/v1/poses/detect?model=lightning", content);
        }

        response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("in time", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Scheduler.QueuedInteractive);
    }
}

public sealed class AbandonedRequestApiTests(LongDeadlineAppFixture app) : IClassFixture<LongDeadlineAppFixture>
{
    [Fact]
    public async Task APhotoWhoseClientWentAwayLeavesTheQueueAndIsNeverAnalysed()
    {
        var before = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/history?kind=analysis&take=200"))
            .RootElement.GetArrayLength();
        await using (await app.HoldTheWorkerAsync())
        {
            using var client = new CancellationTokenSource();
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(
                RepoPaths.Fixture("people", "mpii_004645041.jpg")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "image", "photo.jpg");
            var sent = app.Client.PostAsync("/api/v1/poses/detect?model=lightning", content, client.Token);
            await app.UntilAsync(s => s.QueuedInteractive == 1);

            await client.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
            await app.UntilAsync(s => s.QueuedInteractive == 0);
        }
        // The worker is free again and nothing ran the photo: no analysis was added.
        var after = JsonDocument.Parse(await app.Client.GetStringAsync("/api/v1/history?kind=analysis&take=200"))
            .RootElement.GetArrayLength();
        Assert.Equal(before, after);
    }
}

public sealed class VideoPriorityApiTests(LongDeadlineAppFixture app) : IClassFixture<LongDeadlineAppFixture>
{
    [Fact]
    public async Task AVideoAnalysisWaitsForTheWorkerAtBackgroundPriorityAndFinishesOnceItIsFree()
    {
        string id;
        await using (await app.HoldTheWorkerAsync())
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(
                RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4")));
            file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            content.Add(file, "video", "squat.mp4");
            content.Add(new StringContent("squat"), "exercise");
            var response = await app.Client.PostAsync("/api/v1/workouts/analyze", content);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            id = accepted.RootElement.GetProperty("id").GetString()!;

            // The clip's first frame waits in the background queue, not among the photos.
            await app.UntilAsync(s => s.QueuedBackground == 1);
            Assert.Equal(0, app.Scheduler.QueuedInteractive);
        }

        string? status = null;
        for (var attempt = 0; attempt < 600 && status is not ("done" or "failed"); attempt++)
        {
            await Task.Delay(200);
            using var poll = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/workouts/analyses/{id}"));
            status = poll.RootElement.GetProperty("status").GetString();
        }
        Assert.Equal("done", status);
    }
}
