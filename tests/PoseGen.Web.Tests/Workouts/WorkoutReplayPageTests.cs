using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Inference.Video;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>The History detail of a saved workout carries the replay player and its keypoint timeline.</summary>
public sealed class WorkoutReplayPageTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    // A frame of 17 keypoints at fraction x = y = value, or nobody (empty).
    private static TimelineFrame Frame(double t, float value) =>
        new(t, value < 0 ? [] : [.. Enumerable.Range(0, 17).SelectMany(_ => new[] { value, value, 0.9f })]);

    private async Task<(BrowserLikeClient Client, string UserId)> SignInAsync()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        await using var scope = _factory.Services.CreateAsyncScope();
        var userId = (await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>()
            .Users.SingleAsync(u => u.Email == email)).Id;
        return (client, userId);
    }

    private async Task<Guid> SaveAsync<T>(string userId, T document)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var activity = await scope.ServiceProvider.GetRequiredService<HistoryService>()
            .AddAsync(userId, ActivityKind.Workout, "Squat test", null, document, [], null, CancellationToken.None);
        return activity.Id;
    }

    private static JsonElement ReplayData(string page)
    {
        var start = page.IndexOf("<script type=\"application/json\" id=\"replay-data\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no replay data in the page");
        var json = page[(page.IndexOf('>', start) + 1)..page.IndexOf("</script>", start, StringComparison.Ordinal)];
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public async Task LiveSessionDetailHasThePlayerWithItsTimeline()
    {
        var (client, userId) = await SignInAsync();
        var timeline = new KeypointTimeline(10, 640, 480, [Frame(0, 0.25f), Frame(0.1, -1), Frame(0.2, 0.75f)]);
        var id = await SaveAsync(userId, new LiveWorkoutDocument("live", "squat", "lightning", 0.2, 1, 0, 0,
            [new RepDetail(0, 0.2, 0.1, 0.9, [], "Good rep: knee angle at the bottom 90°, needs 95° or less")],
            timeline));

        var page = await client.GetPageAsync($"/History/Details/{id}");

        Assert.Contains("id=\"replay-player\" class=\"mt-3\" data-frames=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 640 480\"", page, StringComparison.Ordinal);
        Assert.Contains("/js/workout-replay.js", page, StringComparison.Ordinal);
        var data = ReplayData(page);
        Assert.Equal(640, data.GetProperty("width").GetInt32());
        var frames = data.GetProperty("frames");
        Assert.Equal(3, frames.GetArrayLength());
        Assert.Equal(51, frames[0].GetProperty("points").GetArrayLength());
        Assert.Equal(0, frames[1].GetProperty("points").GetArrayLength());
        Assert.Equal(0.75, frames[2].GetProperty("points")[0].GetDouble(), 3);
        var cycle = Assert.Single(data.GetProperty("cycles").EnumerateArray());
        Assert.Equal("good", cycle.GetProperty("verdict").GetString());
        Assert.StartsWith("Good rep: knee angle", cycle.GetProperty("explanation").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task VideoAnalysisDetailHasThePlayerOnceDoneButNotWhileQueued()
    {
        var (client, userId) = await SignInAsync();
        var timeline = new KeypointTimeline(5, 1280, 720, [Frame(0, 0.5f), Frame(0.2, 0.5f)]);
        var result = new VideoWorkoutResult("squat", 1, 0, 0.4, [], new SignalSeries("deg", [0, 0.2], [170, null]),
            timeline);
        var done = await SaveAsync(userId, new WorkoutJobDocument("video", WorkoutJobDocument.Done, 1, "squat", null,
            null, result));
        var queued = await SaveAsync(userId, new WorkoutJobDocument("video", WorkoutJobDocument.Queued, 0, "squat",
            "x.mp4", null, null));

        var page = await client.GetPageAsync($"/History/Details/{done}");
        Assert.Contains("data-frames=\"2\"", page, StringComparison.Ordinal);
        Assert.Equal(1280, ReplayData(page).GetProperty("width").GetInt32());

        Assert.DoesNotContain("replay-player", await client.GetPageAsync($"/History/Details/{queued}"),
            StringComparison.Ordinal);
    }
}
