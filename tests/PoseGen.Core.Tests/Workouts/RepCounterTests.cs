using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// Every rep exercise, in every view it supports, on synthetic sequences from <see cref="BodyModel"/>.
/// </summary>
public class RepCounterTests
{
    public static TheoryData<string> Motions => [.. ExerciseMotions.All.Select(m => m.ToString())];

    private static ExerciseMotion Motion(string name) => ExerciseMotions.All.Single(m => m.ToString() == name);

    private static RepCounter Run(ExerciseMotion motion, SyntheticSequence sequence) =>
        sequence.Build().Aggregate(RepCounter.Start(motion.Id), (counter, frame) => counter.Next(frame));

    [Theory, MemberData(nameof(Motions))]
    public void CountsEveryFullRepOnceWithNoise(string name)
    {
        var m = Motion(name);
        var counter = Run(m, new SyntheticSequence(m.View).Noise(2).Hold(1.5, m).Reps(m, 5));

        Assert.Equal(m.View, counter.View);
        Assert.Equal(5, counter.GoodReps);
        Assert.Equal(0, counter.ImproperReps);
        Assert.Equal(0, counter.PartialReps);
        Assert.All(counter.Reps, r => Assert.InRange(r.Quality, 0.7, 1.0));
    }

    [Theory, MemberData(nameof(Motions))]
    public void ReportsRepTimesRangeAndPeakInTheMiddle(string name)
    {
        var m = Motion(name);
        var counter = Run(m, new SyntheticSequence(m.View).Hold(1.5, m).Reps(m, 3, seconds: 2, pause: 0.5));

        Assert.Equal(3, counter.Reps.Count);
        for (var i = 0; i < 3; i++)
        {
            var rep = counter.Reps[i];
            var repStart = 1.5 + (i * 2.5);
            Assert.Equal(i + 1, rep.Number);
            Assert.InRange(rep.StartS, repStart, repStart + 0.8);
            Assert.InRange(rep.PeakS, repStart + 0.8, repStart + 1.2);
            Assert.InRange(rep.EndS, repStart + 1.2, repStart + 2.1);
            Assert.True(rep.RangeOfMotion > 0);
        }
    }

    [Theory, MemberData(nameof(Motions))]
    public void FlagsShallowAndFaultyRepsAsImproperWithTheReason(string name)
    {
        var m = Motion(name);
        var sequence = new SyntheticSequence(m.View).Hold(1.5, m).Rep(m).Hold(0.3, m);
        if (m.ShallowDepth is { } shallow) sequence.Rep(m, depth: shallow).Hold(0.3, m);
        sequence.Rep(m, fault: true).Hold(0.3, m).Rep(m).Hold(0.5, m);

        var counter = Run(m, sequence);

        var expectedImproper = m.ShallowDepth is null ? 1 : 2;
        Assert.Equal(2 + expectedImproper, counter.Reps.Count);
        Assert.Equal(2, counter.GoodReps);
        Assert.Equal(expectedImproper, counter.ImproperReps);
        if (m.ShallowIssue is not null) Assert.Equal([m.ShallowIssue], counter.Reps[1].Issues);
        Assert.Contains(m.FaultIssue, counter.Reps[^2].Issues);
        Assert.True(counter.Reps[0].IsGood && counter.Reps[^1].IsGood);
        Assert.All(counter.Reps.Where(r => !r.IsGood), r => Assert.InRange(r.Quality, 0, 0.5));
    }

    /// <summary>
    /// Seen from the front, squat depth is judged by how far the hips drop, as a fraction of their height above the
    /// ankles in the user's own start pose: stretching every frame vertically (legs longer against the shoulders)
    /// changes the absolute ratios but neither verdict. The shallow squat keeps 73 % of the standing hip height, the
    /// full one 60 % (the limit is 66 %).
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.15)]
    public void FrontSquatDepthIsJudgedAgainstTheUsersOwnStartPose(double stretch)
    {
        var m = Motion("squat (Front)");
        var frames = new SyntheticSequence(m.View).Noise(1).Hold(1.5, m).Rep(m).Hold(0.3, m)
            .Rep(m, depth: m.ShallowDepth!.Value).Hold(0.5, m)
            .Build()
            .Select(f => f with { Keypoints = [.. f.Keypoints.Select(k =>
                k with { Y = (float)(440 - ((440 - k.Y) * stretch)) })] });

        var counter = frames.Aggregate(RepCounter.Start(m.Id), (c, f) => c.Next(f));

        Assert.Equal(CameraView.Front, counter.View);
        Assert.Equal(2, counter.Reps.Count);
        Assert.True(counter.Reps[0].IsGood);
        Assert.Equal(["not deep enough"], counter.Reps[1].Issues);
    }

    [Theory, MemberData(nameof(Motions))]
    public void PartialRepIsReportedButNotCounted(string name)
    {
        var m = Motion(name);
        var counter = Run(m, new SyntheticSequence(m.View).Hold(1.5, m).Rep(m).Hold(0.3, m)
            .Rep(m, depth: m.PartialDepth).Hold(0.3, m).Rep(m).Hold(0.5, m));

        Assert.Equal(2, counter.GoodReps);
        Assert.Equal(0, counter.ImproperReps);
        Assert.Equal(1, counter.PartialReps);
    }

    [Theory, MemberData(nameof(Motions))]
    public void CountsNothingWhileWalkingInStandingIdleOrWalkingAway(string name)
    {
        var m = Motion(name);
        var sequence = new SyntheticSequence(m.View).Noise(2.5).Absent(0.5).Walk(3, -1.6, 0);
        if (!m.Standing) sequence.Hold(1, BodyAngles.Standing);
        sequence.Hold(10, m).Walk(3, 0, 1.6).Absent(1);

        var counter = Run(m, sequence);

        Assert.Empty(counter.Reps);
        Assert.Equal(0, counter.PartialReps);
    }

    [Theory, MemberData(nameof(Motions))]
    public void CountsRepsStraightAwayWithoutAStillStartPose(string name)
    {
        var m = Motion(name);
        // Brisk reps from the first frame: the range of motion is learned from the reps themselves.
        var counter = Run(m, new SyntheticSequence(m.View).Reps(m, 3, seconds: 1.2, pause: 0).Hold(1, m).Reps(m, 2));

        Assert.Equal(5, counter.GoodReps);
        Assert.Equal(5, counter.Reps.Count);
    }

    [Theory, MemberData(nameof(Motions))]
    public void DroppedJointsAndLeftRightSwapsNeitherCountNorBreakReps(string name)
    {
        var m = Motion(name);
        var limb = m.Id is "biceps-curl" or "shoulder-press" or "jumping-jack" or "push-up"
            ? new[] { (CocoKeypoint.LeftElbow, CocoKeypoint.RightElbow),
                (CocoKeypoint.LeftWrist, CocoKeypoint.RightWrist) }
            : [(CocoKeypoint.LeftKnee, CocoKeypoint.RightKnee), (CocoKeypoint.LeftAnkle, CocoKeypoint.RightAnkle)];
        var everything = Enumerable.Range(0, CocoKeypoints.Count).Select(i => (CocoKeypoint)i).ToArray();
        // Seen from the side the whole far side may vanish; from the front, one arm and leg (the shoulders normalise
        // front signals).
        var leftSide = m.View == CameraView.Side
            ? everything.Where(j => j.ToString().StartsWith("Left", StringComparison.Ordinal)).ToArray()
            : [CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist, CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle];
        // Reps start at 1.5 s and repeat every 2.3 s; each glitch sits in a different rep.
        var sequence = new SyntheticSequence(m.View).Noise(2).Hold(1.5, m).Reps(m, 4)
            .Swap(2.2, 2.5)
            .Drop(4.5, 4.8, everything)
            .Drop(6.3, 7.6, leftSide)
            .Swap(8.7, 9.1, limb);

        var counter = Run(m, sequence);

        Assert.Equal(4, counter.GoodReps);
        Assert.Equal(0, counter.ImproperReps);
    }

    [Theory, MemberData(nameof(Motions))]
    public void FinalDescentCutOffBeforeReturningIsNotCounted(string name)
    {
        var m = Motion(name);
        var counter = Run(m, new SyntheticSequence(m.View).Hold(1.5, m).Reps(m, 2).CutOffRep(m, returned: 0.3));

        Assert.Equal(2, counter.Reps.Count);
        Assert.Contains(counter.Phase, new[] { WorkoutPhase.AtPeak, WorkoutPhase.Returning });
    }

    [Theory, MemberData(nameof(Motions))]
    public void CountsAtFiveFramesPerSecond(string name)
    {
        var m = Motion(name);
        var counter = Run(m, new SyntheticSequence(m.View, fps: 5).Noise(2).Hold(1.2, m)
            .Reps(m, 3, seconds: 4, pause: 0.6));

        Assert.Equal(3, counter.GoodReps);
        Assert.Equal(0, counter.ImproperReps);
    }

    [Theory]
    [InlineData("squat (Front)")]
    [InlineData("jumping-jack (Front)")]
    [InlineData("biceps-curl (Front)")]
    public void WholeBodyLeftRightSwapsSeenFromTheFrontChangeNothing(string name)
    {
        var m = Motion(name);
        // Swapped while standing, then for most of the second rep.
        var counter = Run(m, new SyntheticSequence(m.View).Noise(2).Hold(3, m).Reps(m, 2).Swap(1.8, 2.6)
            .Swap(5.6, 6.6));

        Assert.Equal(2, counter.GoodReps);
        Assert.Equal(0, counter.ImproperReps);
        Assert.Equal(0, counter.PartialReps);
    }

    [Fact]
    public void SquatClipShapedSequenceCountsOnlyTheTwoCompletedReps()
    {
        // Shaped like the fixture clip: near-frontal, 5 fps, bottoms at 2.0, 6.8 and 11.8 s, ending on the way up.
        var m = Motion("squat (Front)");
        var counter = Run(m, new SyntheticSequence(m.View, fps: 5).Noise(3)
            .Hold(0.8, m).Rep(m, 2.4).Hold(2.4, m).Rep(m, 2.4).Hold(2.6, m).CutOffRep(m, 2.4, returned: 0.35));

        Assert.Equal(2, counter.GoodReps);
        // The deepest frame can be one 0.2 s frame off the true bottom when noise lifts it.
        Assert.Collection(counter.Reps,
            r => Assert.InRange(r.PeakS, 1.8, 2.2),
            r => Assert.InRange(r.PeakS, 6.6, 7.0));
    }

    [Fact]
    public void AskingForTheWrongViewIsCuedWhileSettingUp()
    {
        var m = Motion("squat (Front)");
        var frames = new SyntheticSequence(CameraView.Front).Hold(0.3, m).Build();

        var counter = frames.Aggregate(RepCounter.Start("push-up"), (c, f) => c.Next(f));

        Assert.Contains("Turn side-on to the camera", counter.Cues);
        Assert.Empty(counter.Reps);
    }

    [Fact]
    public void LosingThePersonMidRepDropsTheRepAndRequiresSettlingAgain()
    {
        var m = ExerciseMotions.All[0];
        var counter = Run(m, new SyntheticSequence(m.View).Hold(1.5, m).CutOffRep(m, returned: 0).Absent(3).Hold(1, m)
            .Reps(m, 1));

        Assert.Equal(1, counter.GoodReps);
        Assert.Single(counter.Reps);
    }
}
