using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Data.Entities;
using PoseGen.TestSupport;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

public sealed class WorkoutAnalysisApiTests(DetectionAppFixture app) : IClassFixture<DetectionAppFixture>
{
    private static readonly string Videos = RepoPaths.Fixture("videos");

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string exercise)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Add(file, "video", fileName);
        content.Add(new StringContent(exercise), "exercise");
        return content;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> PollUntilFinishedAsync(HttpClient client, string id)
    {
        // The squat clip takes a few seconds on 2 cores; the bound only stops a broken worker from hanging the run.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await JsonAsync(await client.GetAsync($"/api/v1/workouts/analyses/{id}"));
            if (status.GetProperty("status").GetString() is "done" or "failed")
                return status;
            await Task.Delay(200);
        }
        throw new TimeoutException("The analysis did not finish within two minutes.");
    }

    /// <summary>Uploads the studio squat clip named as <paramref name="exercise"/>; returns the queued job's id.</summary>
    private async Task<string> QueueSquatClipAsync(string exercise)
    {
        using var content = Upload(await File.ReadAllBytesAsync(Path.Combine(Videos, "squat_studio_pexels4838220.mp4")),
            "squat.mp4", exercise);
        var response = await app.Client.PostAsync("/api/v1/workouts/analyze", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task QueuesTheSquatClipAndCountsTwoCompleteRepsInHistory()
    {
        var id = await QueueSquatClipAsync("squat");
        var status = await PollUntilFinishedAsync(app.Client, id);
        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("progress").GetDouble());
        // The squat is read as filmed: no second pass on the clip turned.
        Assert.Equal("reading", status.GetProperty("stage").GetString());
        var result = status.GetProperty("result");
        Assert.Equal("squat", result.GetProperty("exercise").GetString());
        Assert.Equal(2, result.GetProperty("reps").GetInt32() + result.GetProperty("improperReps").GetInt32());
        Assert.Equal(2, result.GetProperty("repDetails").GetArrayLength());
        Assert.Equal(13.0, result.GetProperty("durationS").GetDouble(), 1);
        Assert.True(result.GetProperty("signal").GetProperty("values").GetArrayLength() > 100);
        Assert.True(result.GetProperty("timeline").GetProperty("frames").GetArrayLength() > 50);

        var history = await app.Client.GetStringAsync("/api/v1/history?kind=workout");
        Assert.Contains(id, history, StringComparison.OrdinalIgnoreCase);

        // Another user sees the id as if it did not exist.
        using var stranger = await ApiClient.CreateSignedInAsync(app.Factory, "stranger-video@example.test");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/workouts/analyses/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(1, "done")]
    [InlineData(2, "failed")]
    public async Task AJobTheAppDiedInTwiceIsFailedNotRunAThirdTime(int attempts, string expected)
    {
        var email = $"poison-{Guid.NewGuid():N}@example.test";
        using var client = await ApiClient.CreateSignedInAsync(app.Factory, email);
        var services = app.Factory.Services;
        var id = Guid.NewGuid();
        var videos = services.GetRequiredService<WorkoutVideoStore>();
        Directory.CreateDirectory(videos.Folder);
        var clip = videos.PathOf($"{id:N}.mp4");
        File.Copy(Path.Combine(Videos, "squat_studio_pexels4838220.mp4"), clip);
        using (var scope = services.CreateScope())
        {
            // Left "running" by processes that ended during it, once or twice.
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<PoseGenUser>>()
                .FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<HistoryService>()
                .AddAsync(user!.Id, ActivityKind.Workout, "Squat video", null,
                new WorkoutJobDocument("video", WorkoutJobDocument.Running, 0.4, "squat", $"{id:N}.mp4", null, null,
                    attempts), [], null,
                CancellationToken.None, id);
        }

        // Its job, still in the job store, is fetched again (as after the restart) by the app's own job server.
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<WorkoutAnalysisJob>(job =>
            job.RunAsync(id, null, CancellationToken.None));
        var status = await PollUntilFinishedAsync(client, id.ToString());

        Assert.Equal(expected, status.GetProperty("status").GetString());
        if (expected == "failed")
            Assert.StartsWith("The app stopped twice while analysing this clip",
                status.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(clip), "the clip is removed once the job ends either way");
    }

    [Fact]
    public async Task RefusesAFileThatIsNotAVideoWithProblemDetails()
    {
        using var content = Upload("not a video"u8.ToArray(), "notes.mp4", "squat");
        var response = await app.Client.PostAsync("/api/v1/workouts/analyze", content);

        response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task RefusesAClipOverTheVideoLimitWith413AndItsOwnMessage()
    {
        // The fixture app allows 1 000 000-byte clips (and 64 MiB requests): the video limit answers, not the request
        // limit.
        using var content = Upload(new byte[1_000_001], "big.mp4", "squat");
        var response = await app.Client.PostAsync("/api/v1/workouts/analyze", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("video is larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnUnknownExercise()
    {
        using var content = Upload([1, 2, 3], "clip.mp4", "cartwheel");
        var response = await app.Client.PostAsync("/api/v1/workouts/analyze", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TakesTheExerciseAsAPersonWritesIt()
    {
        var id = await QueueSquatClipAsync("Squats");
        var status = await JsonAsync(await app.Client.GetAsync($"/api/v1/workouts/analyses/{id}"));
        Assert.Equal("squat", status.GetProperty("exercise").GetString());
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownId()
    {
        var response = await app.Client.GetAsync($"/api/v1/workouts/analyses/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
