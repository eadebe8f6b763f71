using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>One app (SQLite) for the hub tests of the class; every test signs in its own users.</summary>
public sealed class WorkoutHubApp : IDisposable
{
    public PoseGenWebFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>/hubs/workout end to end: a SignalR client on the real app, fed keypoints of real squat photos.</summary>
public sealed class WorkoutHubTests(WorkoutHubApp app) : IClassFixture<WorkoutHubApp>
{
    private const string BadFrame = "Each frame needs t, w, h > 0 and k: 17 x (x, y, score) finite numbers.";
    private const string Ended = "This session has ended; start a new one.";

    [Fact]
    public async Task ReconnectKeepsTheCountAndHistoryGetsEveryRep() =>
        await LiveWorkoutScenarios.ReconnectKeepsTheCountAndHistoryGetsEveryRepAsync(app.Factory);

    /// <summary>An auto session names the exercise after a few reps and counts the reps that led to it too.</summary>
    [Fact]
    public async Task AnAutoSessionRecognisesTheSquatAfterAFewRepsAndCountsThemAll()
    {
        var user = await LiveWorkoutUser.SignInAsync(app.Factory);
        var stream = new SquatStream(await SquatPoses.DetectAsync(user.Api));
        await using var hub = await user.ConnectAsync();
        var started = await hub.StartSessionAsync("auto");
        Assert.Equal(("auto", 0), (started.Exercise, started.GoodReps));

        var first = await hub.FramesAsync(started.SessionId, [.. stream.Stand(0.5), .. stream.Squats(reps: 1)]);
        Assert.Equal("auto", first.Exercise);
        var later = await hub.FramesAsync(started.SessionId, stream.Squats(reps: 4));

        Assert.Equal(("squat", 5, 0), (later.Exercise, later.GoodReps, later.ImproperReps));
        Assert.NotNull(await hub.StopSessionAsync(started.SessionId));
    }

    [Fact]
    public async Task BadInputIsRefusedWithAPlainMessageAndTheConnectionStaysUsable()
    {
        var user = await LiveWorkoutUser.SignInAsync(app.Factory);
        var stream = new SquatStream(await SquatPoses.DetectAsync(user.Api));
        await using var hub = await user.ConnectAsync();

        Assert.StartsWith("Exercise must be auto (recognised after a few reps) or one of: squat, ",
            await RefusedAsync(hub.StartSessionAsync("burpee")), StringComparison.Ordinal);
        Assert.Equal("Model must be lightning or thunder.", await RefusedAsync(
            hub.StartSessionAsync("squat", "multipose")));
        var session = (await hub.StartSessionAsync()).SessionId;

        var good = stream.Stand(1).ToArray();
        LiveFrame Bad(Func<LiveFrame, LiveFrame> change) => change(good[0]);
        Assert.Equal(BadFrame, await RefusedAsync(hub.FramesAsync(session,
            [Bad(f => f with { K = f.K[..(16 * 3)] })])));
        Assert.Equal(BadFrame, await RefusedAsync(hub.FramesAsync(session, [Bad(f => f with { W = 0 })])));
        Assert.Equal(BadFrame, await RefusedAsync(hub.FramesAsync(session, [Bad(f => f with { H = -480 })])));
        // A NaN keypoint value as the page's JSON.stringify writes it (null), after a good frame of the same batch.
        Assert.Equal(BadFrame, await RefusedAsync(hub.FramesAsync(session,
            [good[0], good[1] with { K = [null, .. good[1].K[1..]] }])));
        Assert.Equal("Send between 0 and 300 frames per call.",
            await RefusedAsync(hub.FramesAsync(session, [.. Enumerable.Repeat(good[0],
                LiveWorkoutSessions.MaxBatch + 1)])));
        Assert.Equal(Ended, await RefusedAsync(hub.FramesAsync(Guid.NewGuid(), good)));
        Assert.Null(await hub.ResumeAsync(Guid.NewGuid()));
        Assert.Null(await hub.StopSessionAsync(Guid.NewGuid()));

        // None of the refused batches reached the counter, and the same connection carries on.
        var state = await hub.FramesAsync(session, good);
        Assert.Equal(good.Length, state.Frames);

        Assert.NotNull(await hub.StopSessionAsync(session));
        Assert.Equal(Ended, await RefusedAsync(hub.FramesAsync(session, stream.Stand(0.5).ToArray())));
        Assert.Null(await hub.ResumeAsync(session));
        Assert.Null(await hub.StopSessionAsync(session));
        Assert.Equal(0, (await hub.StartSessionAsync()).Frames);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task AnotherUsersSessionCannotBeResumedFedStoppedOrSeen()
    {
        var owner = await LiveWorkoutUser.SignInAsync(app.Factory);
        var other = await LiveWorkoutUser.SignInAsync(app.Factory);
        var stream = new SquatStream(await SquatPoses.DetectAsync(owner.Api));
        await using var ownerHub = await owner.ConnectAsync();
        await using var otherHub = await other.ConnectAsync();
        var session = (await ownerHub.StartSessionAsync()).SessionId;
        var counted = await ownerHub.SendAsync(session, stream.SettleAndSquat(reps: 1));
        Assert.Equal(1, counted.GoodReps);

        Assert.Null(await otherHub.ResumeAsync(session));
        Assert.Equal(Ended, await RefusedAsync(otherHub.FramesAsync(session, stream.Squats(reps: 1))));
        Assert.Null(await otherHub.StopSessionAsync(session));

        // The owner's session is untouched: same count, still running, and saved only by its owner.
        var resumed = await ownerHub.ResumeAsync(session);
        Assert.NotNull(resumed);
        Assert.Equal((1, counted.Frames), (resumed.GoodReps, resumed.Frames));
        var historyId = await ownerHub.StopSessionAsync(session);
        Assert.NotNull(historyId);
        Assert.NotNull(await owner.HistoryEntryAsync(historyId.Value));
        Assert.Null(await other.HistoryEntryAsync(historyId.Value));
        var othersList = await other.Api.GetStringAsync("/api/v1/history?kind=workout");
        Assert.DoesNotContain(historyId.Value.ToString(), othersList, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The plain message of the HubException the call failed with.</summary>
    internal static async Task<string> RefusedAsync(Task call)
    {
        var error = await Assert.ThrowsAsync<HubException>(() => call);
        // The client prefixes the server's message with where it failed: "... on the server. HubException: <message>".
        const string marker = "HubException: ";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"not a HubException's message: {error.Message}");
        return error.Message[(at + marker.Length)..];
    }
}
