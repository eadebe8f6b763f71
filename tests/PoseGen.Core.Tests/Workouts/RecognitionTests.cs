using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// The exercise-agnostic repetition period and the exercise recognised from the motion, on synthetic bodies.
/// </summary>
public class RecognitionTests
{
    private static ExerciseMotion Motion(string name) => ExerciseMotions.All.Single(m => m.ToString() == name);

    private static ExerciseFit FitOf(string exerciseId, IReadOnlyList<PoseFrame> frames) =>
        ExerciseRecognizer.Fit(ExerciseCatalog.Default.Get(exerciseId), ExerciseCatalog.Default.Settings, frames);

    /// <summary>The counter of <paramref name="exerciseId"/> finds the cycles, yet none of them is that exercise.
    /// </summary>
    private static void AssertCyclesButNoFit(string exerciseId, IReadOnlyList<PoseFrame> frames)
    {
        var fit = FitOf(exerciseId, frames);
        Assert.InRange(fit.Cycles, 4, 8);
        Assert.Equal(0, fit.Score);
    }

    [Theory]
    [InlineData("squat (Front)", 2.0)]
    [InlineData("push-up (Side)", 3.0)]
    [InlineData("jumping-jack (Front)", 1.5)]
    public void FindsTheRepetitionPeriodOfTheWholePose(string name, double seconds)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View).Noise(1).Hold(1, m).Reps(m, 8, seconds: seconds, pause: 0).Build();

        var period = Periodicity.Estimate(frames, 30);

        Assert.NotNull(period);
        Assert.InRange(period.PeriodSeconds, seconds * 0.9, seconds * 1.1);
        Assert.InRange(period.Strength, 0.5, 1);
        Assert.InRange(period.Cycles, 7, 9.5);
    }

    [Fact]
    public void AHeldPoseHasNoPeriod()
    {
        var m = Motion("squat (Front)");
        var period = Periodicity.Estimate(new SyntheticSequence(m.View).Noise(2).Hold(12, m).Build(), 30);

        Assert.NotNull(period);
        Assert.Equal(0, period.Strength);
    }

    [Theory]
    [InlineData("squat (Side)")]
    [InlineData("squat (Front)")]
    [InlineData("push-up (Side)")]
    [InlineData("jumping-jack (Front)")]
    [InlineData("sit-up (Side)")]
    [InlineData("glute-bridge (Side)")]
    public void RecognisesTheExerciseFromTheMotion(string name)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, 6).Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Equal(m.Id, recognition.ExerciseId);
        Assert.InRange(recognition.Confidence, 0.5, 1);
    }

    /// <summary>
    /// A rest between two sets is neither irregular reps nor motion the reps fail to explain: with 10 s standing still
    /// between two sets of five, every exercise was "nothing to count" before rests were set aside.
    /// </summary>
    [Theory]
    [InlineData("squat (Side)")]
    [InlineData("squat (Front)")]
    [InlineData("push-up (Side)")]
    [InlineData("biceps-curl (Front)")]
    public void RecognisesTheExerciseAcrossARestBetweenSets(string name)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, 5).Hold(10, m).Reps(m, 5).Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Equal(m.Id, recognition.ExerciseId);
    }

    /// <summary>Standing still for a while before starting and after finishing is not motion the reps fail to explain.
    /// </summary>
    [Theory]
    [InlineData("squat (Side)")]
    [InlineData("squat (Front)")]
    [InlineData("push-up (Side)")]
    [InlineData("biceps-curl (Front)")]
    public void RecognisesTheExerciseWithStillTimeBeforeAndAfterTheSet(string name)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(8, m).Reps(m, 5).Hold(8, m).Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Equal(m.Id, recognition.ExerciseId);
    }

    /// <summary>
    /// Squats with the forearms raised on the way down (for balance): the curl counter finds a cycle in every rep,
    /// but a curl keeps the legs as they are, so none of them is a curl (the squat clips were once named curls).
    /// </summary>
    [Fact]
    public void SquatsThatRaiseTheForearmsAreNotCurls()
    {
        var squat = Motion("squat (Front)");
        var balancing = squat with { Pose = (d, fault) => squat.Pose(d, fault) with
        {
            LeftUpperArm = new Limb(180, 8), RightUpperArm = new Limb(180, 8),
            LeftForearm = new Limb(180 - (150 * d), 8), RightForearm = new Limb(180 - (150 * d), 8),
        } };
        var frames = new SyntheticSequence(CameraView.Front).Noise(2).Hold(1, squat).Reps(balancing, 6).Build();

        AssertCyclesButNoFit("biceps-curl", frames);
        Assert.Equal("squat", ExerciseRecognizer.Recognize(frames, 30).ExerciseId);
    }

    /// <summary>
    /// Knee bends lying face down (the legs of a push-up bending and straightening): the squat counter sees a knee
    /// angle moving like a squat's, but a squat is done on the feet, so it uses none of these frames.
    /// </summary>
    [Fact]
    public void KneeBendsLyingDownAreNotSquats()
    {
        var plank = Motion("push-up (Side)");
        var lying = plank.Pose(0, false);
        var bends = plank with { Pose = (d, _) => lying with
        {
            LeftShin = new Limb(lying.LeftShin.Pitch + (90 * d)),
            RightShin = new Limb(lying.RightShin.Pitch + (90 * d)),
        } };
        var frames = new SyntheticSequence(CameraView.Side).Noise(2).Hold(1, plank).Reps(bends, 6).Build();

        var squat = FitOf("squat", frames);

        Assert.Equal(0, squat.Usable);
        Assert.Equal(0, squat.Score);
    }

    /// <summary>
    /// Forward lunges seen from the side bend both knees about as far as a squat does, and the squat counter finds
    /// every one; but a squat stands on both feet side by side (a defining check), so they are lunges.
    /// </summary>
    [Fact]
    public void ForwardLungesFromTheSideAreLungesNotSquats()
    {
        var m = Motion("lunge (Side)");
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, 6).Build();

        AssertCyclesButNoFit("squat", frames);
        Assert.Equal("lunge", ExerciseRecognizer.Recognize(frames, 30).ExerciseId);
    }

    [Fact]
    public void NothingIsRecognisedWhenNobodyRepeatsAnything()
    {
        var m = Motion("squat (Front)");
        var frames = new SyntheticSequence(m.View).Noise(2).Walk(3, -1.6, 0).Hold(6, BodyAngles.Standing)
            .Walk(3, 0, 1.6).Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Null(recognition.ExerciseId);
    }
}
