using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// Reps of one exercise come back to the same peak pose; cycles that peak somewhere new each time (a dance) are not an
/// exercise, even when a counter finds full cycles in them and nothing repeats at a steady period to veto them.
/// </summary>
public class RepResemblanceTests
{
    private static ExerciseMotion Motion(string name) => ExerciseMotions.All.Single(m => m.ToString() == name);

    private static double? SpreadOf(IReadOnlyList<PoseFrame> frames, string exerciseId)
    {
        var exercise = ExerciseCatalog.Default.Get(exerciseId);
        var counter = frames.Aggregate(RepCounter.Start(exercise, ExerciseCatalog.Default.Settings),
            (c, f) => c.Next(f)).Finish();
        return RepResemblance.Spread(frames, counter.Reps, RepResemblance.JointsOf(exercise),
            ExerciseCatalog.Default.Settings.MinKeypointScore);
    }

    /// <summary>A motion that bends the knees like a squat but ends each cycle in the given leg and arm pose.</summary>
    private static ExerciseMotion Bend(string name, Func<double, BodyAngles, BodyAngles> reshape)
    {
        var squat = Motion("squat (Front)");
        return squat with { Id = name, Pose = (d, fault) => reshape(d, squat.Pose(d, fault)) };
    }

    [Theory]
    [InlineData("squat (Side)")]
    [InlineData("squat (Front)")]
    [InlineData("push-up (Side)")]
    [InlineData("biceps-curl (Front)")]
    public void RepsOfOneExercisePeakInNearlyTheSamePose(string name)
    {
        var m = Motion(name);
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, 6).Build();

        var spread = SpreadOf(frames, m.Id);

        Assert.NotNull(spread);
        Assert.InRange(spread.Value, 0, RepResemblance.MaxSpread);
    }

    [Fact]
    public void SquatsWithTheArmsSomewhereElseEachTimeAreStillSquats()
    {
        // The squat's own joints (shoulders, hips, knees, ankles) decide; the arms may be anywhere.
        var arms = new[] { 180.0, 90, 0, 135, 45, 180 };
        var sequence = new SyntheticSequence(CameraView.Front).Noise(2).Hold(1, Motion("squat (Front)"));
        foreach (var pitch in arms)
        {
            sequence.Rep(Bend("squat", (d, body) => body with
            {
                LeftUpperArm = new Limb(180 + ((pitch - 180) * d), 10),
                RightUpperArm = new Limb(180 + ((pitch - 180) * d), 10),
                LeftForearm = new Limb(180 + ((pitch - 180) * d), 10),
                RightForearm = new Limb(180 + ((pitch - 180) * d), 10),
            })).Hold(0.3, Motion("squat (Front)"));
        }
        var frames = sequence.Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Equal("squat", recognition.ExerciseId);
        Assert.InRange(SpreadOf(frames, "squat")!.Value, 0, RepResemblance.MaxSpread);
    }

    [Fact]
    public void KneeBendsThatEndInADifferentStanceEachTimeAreNotAnExercise()
    {
        // Dance steps: every cycle bends the knees as far as a squat does, but one ends with the legs wide, the next
        // with one leg kicked out, the next leaning back; irregular in time too, so no steady period vetoes them.
        var steps = new Func<double, BodyAngles, BodyAngles>[]
        {
            (d, b) => b with { LeftThigh = b.LeftThigh with { Abduction = 40 * d },
                RightThigh = b.RightThigh with { Abduction = 40 * d } },
            (d, b) => b with { LeftThigh = new Limb(180 - (80 * d), 50 * d), LeftShin = new Limb(180 - (60 * d)) },
            (d, b) => b with { Torso = -30 * d },
            (d, b) => b with { RightThigh = new Limb(180 - (80 * d), 50 * d), RightShin = new Limb(180 - (60 * d)) },
            (d, b) => b with { Torso = 70 * d, LeftUpperArm = new Limb(90), RightUpperArm = new Limb(90) },
            (d, b) => b with { LeftThigh = b.LeftThigh with { Abduction = -25 * d },
                RightThigh = b.RightThigh with { Abduction = 45 * d } },
        };
        var seconds = new[] { 1.6, 2.6, 1.9, 3.1, 1.7, 2.4 };
        var sequence = new SyntheticSequence(CameraView.Front).Noise(2).Hold(1, Motion("squat (Front)"));
        for (var i = 0; i < steps.Length; i++)
            sequence.Rep(Bend("dance", steps[i]), seconds[i]).Hold(0.2, Motion("squat (Front)"));
        var frames = sequence.Build();

        var recognition = ExerciseRecognizer.Recognize(frames, 30);

        Assert.Null(recognition.ExerciseId);
        Assert.InRange(SpreadOf(frames, "squat")!.Value, RepResemblance.MaxSpread, double.MaxValue);
    }

    [Fact]
    public void KneeBendsWithOneLegLongAreNotSquatsForRecognition()
    {
        // Seen from the front, one knee bends and the other leg stays long (a lateral lunge): the squat counter finds
        // the hips dropping, but every cycle fails the squat's defining check (both knees bend alike).
        var lunge = Bend("side lunge", (d, b) => b with
        {
            LeftThigh = new Limb(180, 55 * d), LeftShin = new Limb(180, 0),
            RightThigh = new Limb(180, 30 * d), RightShin = new Limb(180, 30 * d),
        });
        var frames = new SyntheticSequence(CameraView.Front).Noise(2).Hold(1, Motion("squat (Front)"))
            .Reps(lunge, 6).Build();
        var squat = ExerciseCatalog.Default.Get("squat");

        var fit = ExerciseRecognizer.Fit(squat, ExerciseCatalog.Default.Settings, frames);

        Assert.InRange(fit.Cycles, 4, 8);
        Assert.Equal(0, fit.Score);
    }

    /// <summary>
    /// A different trunk joint or two missed in the very frame of each squat's bottom (joints flickering out, as
    /// MoveNet's do): a trunk centre taken from the joints left would sit elsewhere in each and move every joint of the
    /// pose, so alike reps would look apart; the pose is taken from the nearest frame that sees the whole trunk.
    /// </summary>
    [Fact]
    public void TrunkJointsMissedAtTheBottomsDoNotMakeAlikeRepsLookApart()
    {
        var m = Motion("squat (Front)");
        CocoKeypoint[][] missed =
        [
            [CocoKeypoint.LeftShoulder, CocoKeypoint.LeftHip], [CocoKeypoint.RightShoulder, CocoKeypoint.RightHip],
            [CocoKeypoint.LeftShoulder], [CocoKeypoint.RightHip], [CocoKeypoint.LeftHip], [CocoKeypoint.RightShoulder],
        ];
        var clean = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, missed.Length);
        var flickering = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, missed.Length);
        for (var rep = 0; rep < missed.Length; rep++)
        {
            var bottom = 1 + 1 + (rep * 2.3);
            flickering.Drop(bottom - 0.02, bottom + 0.02, missed[rep]);
        }

        var spread = SpreadOf(flickering.Build(), m.Id);

        Assert.NotNull(spread);
        Assert.InRange(spread.Value, 0, SpreadOf(clean.Build(), m.Id)!.Value + 0.05);
    }

    [Fact]
    public void FewerThanTwoCyclesHaveNoSpread()
    {
        var m = Motion("squat (Side)");
        var frames = new SyntheticSequence(m.View).Noise(2).Hold(1, m).Reps(m, 1).Hold(1, m).Build();

        Assert.Null(SpreadOf(frames, m.Id));
    }
}
