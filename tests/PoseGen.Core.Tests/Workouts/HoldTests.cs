using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

public class HoldTests
{
    private static RepCounter Run(string id, SyntheticSequence sequence) =>
        sequence.Build().Aggregate(RepCounter.Start(id), (counter, frame) => counter.Next(frame));

    [Fact]
    public void PlankAccumulatesOnlyGoodFormSeconds()
    {
        var sequence = new SyntheticSequence(CameraView.Side).Noise(2)
            .Walk(2, -1.6, 0).Hold(5, ExerciseMotions.Plank(false)).Hold(2, ExerciseMotions.Plank(true))
            .Hold(3, ExerciseMotions.Plank(false));

        var counter = Run("plank", sequence);

        Assert.InRange(counter.HoldSeconds, 7.6, 8.1);
        Assert.InRange(counter.LongestHoldSeconds, 4.8, 5.1);
        Assert.Empty(counter.Reps);
    }

    [Fact]
    public void SaggingHipsBreakThePlankWithACue()
    {
        var frames = new SyntheticSequence(CameraView.Side)
            .Hold(3, ExerciseMotions.Plank(false)).Hold(1, ExerciseMotions.Plank(true)).Build();

        var counter = frames.Aggregate(RepCounter.Start("plank"), (c, f) => c.Next(f));

        Assert.Equal(WorkoutPhase.OutOfForm, counter.Phase);
        Assert.Contains("Lift your hips", counter.Cues);
        Assert.Equal(0, counter.CurrentHoldSeconds);
    }

    [Fact]
    public void HiddenJointsNeitherAddToNorBreakAHold()
    {
        var everything = Enumerable.Range(0, CocoKeypoints.Count).Select(i => (CocoKeypoint)i).ToArray();
        var sequence = new SyntheticSequence(CameraView.Side).Hold(6, ExerciseMotions.Plank(false))
            .Drop(3, 3.5, everything);

        var counter = Run("plank", sequence);

        Assert.InRange(counter.HoldSeconds, 5.3, 5.6);
        Assert.Equal(counter.HoldSeconds, counter.CurrentHoldSeconds, 6);
    }

    [Fact]
    public void HoldCountsWhileTheSimilarityStaysAboveItsThreshold()
    {
        var sequence = new SyntheticSequence(CameraView.Front).Hold(10, BodyAngles.Standing)
            .Similarity(1, 5, 0.9).Similarity(5, 7, 0.5).Similarity(7, 9, 0.77).Similarity(9, 10, 0.3);

        var counter = Run("hold", sequence);

        // 1-5 s good; 5-7 s broken; 7-9 s inside the tolerance band (0.75) but a broken hold resumes only above 0.8.
        Assert.InRange(counter.HoldSeconds, 3.9, 4.05);
        Assert.Equal(WorkoutPhase.OutOfForm, counter.Phase);
    }

    [Fact]
    public void HoldDoesNotCountWithoutASimilarityScore()
    {
        var counter = Run("hold", new SyntheticSequence(CameraView.Front).Hold(5, BodyAngles.Standing));

        Assert.Equal(0, counter.HoldSeconds);
        Assert.Equal(WorkoutPhase.SettingUp, counter.Phase);
    }
}
