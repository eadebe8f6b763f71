using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>The whole-body cycles reported when a named exercise cannot be read from the camera's view.</summary>
public class MotionRepetitionsTests
{
    private const double Fps = 10;

    private static ExerciseMotion Motion(string name) => ExerciseMotions.All.Single(m => m.ToString() == name);

    private static CounterSettings Settings => ExerciseCatalog.Default.Settings;

    /// <summary>The picture turned a quarter clockwise (a clip that lost its rotation metadata): a 640x480 frame
    /// becomes 480x640.</summary>
    private static List<PoseFrame> TurnedSideways(IEnumerable<PoseFrame> frames) =>
    [
        .. frames.Select(f => f with
        {
            ImageWidth = f.ImageHeight,
            ImageHeight = f.ImageWidth,
            Keypoints = [.. f.Keypoints.Select(k => k with { X = f.ImageHeight - k.Y, Y = k.X })],
        }),
    ];

    private static RepCounter Count(string exercise, IEnumerable<PoseFrame> frames) =>
        frames.Aggregate(RepCounter.Start(exercise), (c, f) => c.Next(f)).Finish();

    [Theory]
    [InlineData("push-up (Side)")]
    [InlineData("squat (Side)")]
    public void SidewaysClipsTheCounterCannotReadCountTheirWholeBodyCycles(string name)
    {
        var m = Motion(name);
        var frames = TurnedSideways(new SyntheticSequence(m.View, Fps).Noise(1).Hold(1.5, m).Reps(m, 5)
            .Hold(1, m).Build());
        var counter = Count(m.Id, frames);

        var cycles = MotionRepetitions.WhenUnreadable(frames, Fps, counter);

        Assert.Empty(counter.Reps);
        Assert.NotNull(cycles);
        Assert.Equal(5, cycles.Cycles.Count);
    }

    /// <summary>Push-ups filmed head-on (within 15 degrees), where the body's length is foreshortened to nothing and
    /// the push-up's posture never holds.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void PushUpsFilmedHeadOnCountTheirWholeBodyCycles(int yaw)
    {
        var m = Motion("push-up (Side)");
        var frames = new SyntheticSequence(m.View, Fps).Yaw(yaw).Noise(1).Hold(1.5, m).Reps(m, 5).Hold(1, m).Build();
        var counter = Count(m.Id, frames);

        var cycles = MotionRepetitions.WhenUnreadable(frames, Fps, counter);

        Assert.True(counter.UsableFrames < frames.Count / 3, $"{counter.UsableFrames} of {frames.Count} frames usable");
        Assert.NotNull(cycles);
        Assert.Equal(5, cycles.Cycles.Count);
    }

    [Theory]
    [InlineData("push-up (Side)")]
    [InlineData("squat (Front)")]
    [InlineData("jumping-jack (Front)")]
    public void ClipsTheCounterReadsAreLeftToIt(string name)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View, Fps).Noise(1).Hold(1.5, m).Reps(m, 5).Hold(1, m).Build();
        var counter = Count(m.Id, frames);

        Assert.Equal(5, counter.Reps.Count);
        Assert.Null(MotionRepetitions.WhenUnreadable(frames, Fps, counter));
    }

    [Fact]
    public void AStillPersonTurnedSidewaysCountsNothing()
    {
        var m = Motion("push-up (Side)");
        var frames = TurnedSideways(new SyntheticSequence(m.View, Fps).Noise(3).Hold(20, m).Build());

        var cycles = MotionRepetitions.Find(frames, Fps, Settings);

        Assert.NotNull(cycles);
        Assert.Empty(cycles.Cycles);
        Assert.Null(MotionRepetitions.WhenUnreadable(frames, Fps, Count(m.Id, frames)));
    }

    /// <summary>Seen from straight above, a push-up barely changes the body's shape: it comes nearer the camera and
    /// goes away. Here every keypoint is scaled about the trunk by 12 % and back, five times, and nothing else
    /// moves.</summary>
    [Fact]
    public void ABodyThatOnlyComesNearerAndGoesAwayCountsItsCycles()
    {
        var m = Motion("push-up (Side)");
        var still = new SyntheticSequence(m.View, Fps).Noise(1).Hold(16, m).Build();
        var frames = still.Select(f =>
        {
            var phase = Math.Max(0, f.TimeSeconds - 1.5) / 2.5;
            var scale = phase is > 0 and < 5 ? 1 - (0.12 * (0.5 - (0.5 * Math.Cos(2 * Math.PI * phase)))) : 1;
            var cx = f.Keypoints.Average(k => k.X);
            var cy = f.Keypoints.Average(k => k.Y);
            return f with { Keypoints = [.. f.Keypoints.Select(k => k with
            {
                X = (float)(cx + ((k.X - cx) * scale)), Y = (float)(cy + ((k.Y - cy) * scale)),
            })] };
        }).ToList();

        var cycles = MotionRepetitions.Find(frames, Fps, Settings);

        Assert.NotNull(cycles);
        Assert.Equal(5, cycles.Cycles.Count);
    }
}
