using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// The exercise-agnostic repetition period and the exercise recognised from the motion, on synthetic bodies.
/// </summary>
public class RecognitionTests
{
    private static ExerciseMotion Motion(string name) => ExerciseMotions.All.Single(m => m.ToString() == name);

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
