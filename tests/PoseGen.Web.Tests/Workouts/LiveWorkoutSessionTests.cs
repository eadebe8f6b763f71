using PoseGen.Core.Workouts;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Workouts;

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

        var refused = Assert.Throws<UserInputException>(() => session.Add([Frame(1e9)]));

        Assert.Contains("one-hour limit", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, session.FrameCount);
        Assert.Equal(2, session.Document().Timeline.Frames.Count);
    }

    [Fact]
    public void CapsRunningSessionsPerUserAndInTotal()
    {
        var sessions = new LiveWorkoutSessions(TimeProvider.System);
        for (var i = 0; i < LiveWorkoutSessions.MaxPerUser; i++)
            sessions.Start("busy", $"c{i}", "squat", "lightning");

        var perUser = Assert.Throws<UserInputException>(() => sessions.Start("busy", "c-extra", "squat", "lightning"));
        Assert.Equal(429, perUser.StatusCode);

        for (var i = LiveWorkoutSessions.MaxPerUser; i < LiveWorkoutSessions.MaxTotal; i++)
            sessions.Start($"user{i}", $"c{i}", "squat", "lightning");
        var total = Assert.Throws<UserInputException>(() => sessions.Start("newcomer", "c-new", "squat", "lightning"));
        Assert.Equal(503, total.StatusCode);
    }
}
