using PoseGen.Core.Workouts;
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
}
