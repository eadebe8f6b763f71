using PoseGen.Application.Workouts;
using PoseGen.Core.Workouts;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Workouts;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Tests.Workouts;

public sealed class LiveWorkoutSessionTests
{
    private static LiveFrame Frame(double t) =>
        new(t, 640, 480, [.. Enumerable.Range(0, 17).SelectMany(i => new[] { 100f + i, 200f + i, 0.9f })]);

    private static LiveWorkoutSession NewSession() =>
        new(Guid.NewGuid(), "user", ExerciseCatalog.Default.Get("squat"), "lightning", DateTimeOffset.UnixEpoch);

    [Fact]
    public void KeepsTheTimelineAtTenFramesPerSecondFromThirtyFrameInput()
    {
        var session = NewSession();
        session.Add([.. Enumerable.Range(0, 91).Select(i => Frame(5 + (i / 30.0)))]);

        var document = session.Document();
        Assert.Equal(91, session.FrameCount);
        Assert.Equal(3, document.DurationS, 3);
        Assert.Equal(31, document.Timeline.Frames.Count);
        Assert.Equal(0, document.Timeline.Frames[0].TimeS);
        Assert.Equal(100f / 640, document.Timeline.Frames[0].Points[0], 4);
        Assert.Equal(200f / 480, document.Timeline.Frames[0].Points[1], 4);
    }

    [Fact]
    public void IgnoresAResentBatch()
    {
        var session = NewSession();
        LiveFrame[] batch = [Frame(1), Frame(1.1), Frame(1.2)];
        session.Add(batch);
        session.Add(batch);

        Assert.Equal(3, session.FrameCount);
        Assert.Equal(3, session.State().Frames);
    }

    [Fact]
    public void RefusesFramesPastTheOneHourLimitSoClientClocksCannotGrowTheTimeline()
    {
        var session = NewSession();
        session.Add([Frame(10), Frame(10 + LiveWorkoutSession.MaxDurationS)]);

        var refused = Assert.Throws<InvalidInputException>(() => session.Add([Frame(1e9)]));

        Assert.Contains("one-hour limit", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, session.FrameCount);
        Assert.Equal(2, session.Document().Timeline.Frames.Count);
    }

    [Fact]
    public async Task CapsRunningSessionsPerUserAndInTotal()
    {
        var sessions = new LiveWorkoutSessions(TimeProvider.System, new InProcessLiveSessionStore());
        for (var i = 0; i < LiveWorkoutSessions.MaxPerUser; i++)
            await sessions.StartAsync("busy", $"c{i}", "squat", "lightning");

        var perUser = await Assert.ThrowsAsync<BusyException>(() =>
            sessions.StartAsync("busy", "c-extra", "squat", "lightning"));
        Assert.Equal(BusyScope.User, perUser.Scope);
        Assert.True(perUser.RetryAfter > TimeSpan.Zero);

        for (var i = LiveWorkoutSessions.MaxPerUser; i < LiveWorkoutSessions.MaxTotal; i++)
            await sessions.StartAsync($"user{i}", $"c{i}", "squat", "lightning");
        var total = await Assert.ThrowsAsync<BusyException>(() =>
            sessions.StartAsync("newcomer", "c-new", "squat", "lightning"));
        Assert.Equal(BusyScope.Server, total.Scope);
        Assert.True(total.RetryAfter > TimeSpan.Zero);
    }

    private static PoseReference Reference(string poseId)
    {
        var library = PoseGen.Core.Library.PoseLibrary.Default;
        var pose = library.Find(poseId)!;
        return new PoseReference(pose.Id, pose.Name, "front", library.Project(pose, PoseGen.Core.Library.PoseView.Front)
            .ToCoco().Keypoints);
    }

    /// <summary>A library pose as a camera would see it: scaled and moved into a 640 x 480 frame.</summary>
    private static LiveFrame PoseFrame(double t, string poseId)
    {
        var points = Reference(poseId).Keypoints;
        return new(t, 640, 480, [.. points.SelectMany(k => new float?[] { 120 + (k.X * 0.8f), 20 + (k.Y * 0.8f),
            Math.Max(k.Score, 0.9f) })]);
    }

    [Fact]
    public void PractisingAPoseScoresEachFrameRunsTheHoldTimerWhileItMatchesAndDrawsTheGhostWhereThePersonIs()
    {
        var session = new LiveWorkoutSession(Guid.NewGuid(), "user", ExerciseCatalog.Default.Get("hold"), "lightning",
            DateTimeOffset.UnixEpoch,
            Reference("warrior-2"));

        session.Add([.. Enumerable.Range(0, 30).Select(i => PoseFrame(i / 10.0, "warrior-2"))]);

        var practice = session.State().Practice!;
        Assert.Equal("warrior-2", practice.PoseId);
        Assert.InRange(practice.Score!.Value, 95, 100);
        Assert.True(session.State().HoldSeconds >= 2, $"held {session.State().HoldSeconds} s");
        // The ghost stands where the person stands: the reference mapped into the frame's pixels.
        var frame = PoseFrame(0, "warrior-2");
        Assert.InRange(practice.Ghost![0], frame.K[0]!.Value - 3, frame.K[0]!.Value + 3);
        Assert.InRange(practice.Ghost![1], frame.K[1]!.Value - 3, frame.K[1]!.Value + 3);
        var document = session.Document();
        Assert.Equal("warrior-2", document.PoseId);
        Assert.InRange(document.BestScore!.Value, 95, 100);
    }

    [Fact]
    public void ADifferentPoseScoresLowGetsACorrectionAndHoldsNothing()
    {
        var session = new LiveWorkoutSession(Guid.NewGuid(), "user", ExerciseCatalog.Default.Get("hold"), "lightning",
            DateTimeOffset.UnixEpoch,
            Reference("warrior-2"));

        session.Add([.. Enumerable.Range(0, 30).Select(i => PoseFrame(i / 10.0, "mountain"))]);

        var practice = session.State().Practice!;
        Assert.True(practice.Score < 80, $"score {practice.Score}");
        Assert.False(string.IsNullOrEmpty(practice.Correction));
        Assert.Equal(0, session.State().HoldSeconds);
    }

    [Fact]
    public async Task ASessionInWhichNobodyWasSeenIsNotSaved()
    {
        // An empty live session (camera on an empty room) used to be saved to History.
        var sessions = new LiveWorkoutSessions(TimeProvider.System, new InProcessLiveSessionStore());
        var empty = await sessions.StartAsync("user", "c1", "squat", "lightning");
        empty.Add([.. Enumerable.Range(0, 50).Select(i => new LiveFrame(i / 10.0, 640, 480,
            [.. Enumerable.Repeat<float?>(0f, 51)]))]);
        Assert.Equal(50, empty.FrameCount);
        Assert.Null(await sessions.EndAsync(empty));

        var seen = await sessions.StartAsync("user", "c2", "squat", "lightning");
        seen.Add([Frame(1), Frame(1.1)]);
        Assert.NotNull(await sessions.EndAsync(seen));
    }
}
