using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PoseGen.Application.Workouts;
using PoseGen.TestSupport;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// Practising the pose of one's own analysed photo live: the same scoring as a library pose, the owner's only.
/// </summary>
public sealed class PracticeAnalysisHubTests(WorkoutHubApp app) : IClassFixture<WorkoutHubApp>
{
    [Fact]
    public async Task TheOwnersAnalysedPoseIsScoredLiveAndHeldAndNobodyElseCanPractiseIt()
    {
        var owner = await LiveWorkoutUser.SignInAsync(app.Factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "image", "me.jpg" } };
        var detection = JsonDocument.Parse(await (await owner.Api.PostAsync("/api/v1/poses/detect",
            form)).Content.ReadAsStringAsync()).RootElement;
        var id = Guid.Parse(detection.GetProperty("id").GetString()!);
        var person = detection.GetProperty("people")[0].GetProperty("keypoints").EnumerateArray()
            .SelectMany(k => new float?[] { k.GetProperty("x").GetSingle(), k.GetProperty("y").GetSingle(),
                k.GetProperty("score").GetSingle() }).ToArray();
        await using var hub = await owner.ConnectAsync();

        var started = await hub.InvokeAsync<LiveWorkoutState>("StartPracticeAnalysis", id, "lightning");
        // The same person in front of the camera: the photo's own keypoints, frame after frame, for three seconds.
        var frames = Enumerable.Range(0, 30).Select(i => new LiveFrame(i / 10.0,
            detection.GetProperty("imageWidth").GetInt32(),
            detection.GetProperty("imageHeight").GetInt32(), person)).ToList();
        var state = await hub.FramesAsync(started.SessionId, frames);

        Assert.Equal($"analysis:{id}", state.Practice!.PoseId);
        Assert.InRange(state.Practice.Score!.Value, 95, 100);
        Assert.True(state.HoldSeconds >= 2, $"held {state.HoldSeconds} s");
        Assert.NotNull(await hub.StopSessionAsync(started.SessionId));

        var stranger = await LiveWorkoutUser.SignInAsync(app.Factory);
        await using var strangersHub = await stranger.ConnectAsync();
        Assert.Equal("Choose one of your saved analyses to practise.",
            await WorkoutHubTests.RefusedAsync(strangersHub.InvokeAsync<LiveWorkoutState>("StartPracticeAnalysis", id,
                "lightning")));
    }

    [Fact]
    public async Task TheWorkoutPageOffersTheOwnersAnalysesAndOpensOnTheOneAskedFor()
    {
        var owner = await LiveWorkoutUser.SignInAsync(app.Factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "image", "me.jpg" } };
        var id = JsonDocument.Parse(await (await owner.Api.PostAsync("/api/v1/poses/detect",
            form)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var page = await owner.PageAsync($"/Workout?analysis={id}");

        Assert.Matches($"<option value=\"analysis:{id}\"[^>]*selected", page);
        Assert.Contains("<option value=\"practice\" selected", page, StringComparison.Ordinal);
        var strangersPage = await (await LiveWorkoutUser.SignInAsync(app.Factory)).PageAsync($"/Workout?analysis={id}");
        Assert.DoesNotContain($"analysis:{id}", strangersPage, StringComparison.Ordinal);
    }
}
