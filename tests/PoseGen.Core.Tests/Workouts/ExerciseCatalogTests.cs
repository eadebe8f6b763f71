using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

public class ExerciseCatalogTests
{
    private static string EmbeddedJson()
    {
        using var stream = typeof(ExerciseCatalog).Assembly.GetManifestResourceStream(
            "PoseGen.Core.Workouts.exercises.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void DefaultCatalogDefinesEveryApiExercise()
    {
        var catalog = ExerciseCatalog.Default;

        Assert.Equal(
            ["squat", "push-up", "lunge", "jumping-jack", "biceps-curl", "shoulder-press", "sit-up", "glute-bridge",
                "plank", "hold"],
            catalog.Exercises.Select(e => e.Id));
        Assert.Equal(ExerciseKind.Hold, catalog.Get("plank").Kind);
        Assert.Equal(ExerciseKind.Hold, catalog.Get("hold").Kind);
        Assert.All(catalog.Exercises.Take(8), e => Assert.Equal(ExerciseKind.Reps, e.Kind));
        Assert.Null(catalog.Find("burpee"));
    }

    [Fact]
    public void EverySignalAndCheckUsesOnlyRequiredJointsOrJointsOnBothSides()
    {
        foreach (var exercise in ExerciseCatalog.Default.Exercises)
        {
            var required = exercise.RequiredJoints.ToHashSet();
            var optional = (exercise.OptionalJoints ?? []).ToHashSet();
            foreach (var view in exercise.Views)
            {
                var measures = view.Checks.Concat(view.Posture).Select(c => (c.Measure, Check: true))
                    .Append((Measure: view.Signal, Check: false)).Where(m => m.Measure is not null);
                foreach (var (measure, check) in measures)
                {
                    foreach (var joint in measure!.Joints.Concat(measure.Per ?? []))
                    {
                        var baseName = joint.Replace("left_", "", StringComparison.Ordinal)
                            .Replace("right_", "", StringComparison.Ordinal);
                        Assert.True(required.Contains(baseName) || baseName == "nose"
                            || (check && optional.Contains(baseName)),
                            $"{exercise.Id} measures {joint} but does not require it");
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryRepExerciseChecksItsRangeOfMotionOrLockout()
    {
        foreach (var exercise in ExerciseCatalog.Default.Exercises.Where(e => e.Kind == ExerciseKind.Reps))
        {
            Assert.Contains(exercise.Views, v => v.Checks.Any(c => c.Measure is null || c.Id == "lockout"));
            Assert.All(exercise.Views, v => Assert.NotNull(v.Signal));
        }
    }

    [Theory]
    [InlineData("\"joints\": [\"hip\", \"knee\", \"ankle\"]", "\"joints\": [\"hip\", \"kneee\", \"ankle\"]",
        "unknown joint 'kneee'")]
    [InlineData("\"start\": 150, \"peak\": 118, \"minTravel\": 20", "\"start\": 150, \"peak\": 118, \"minTravel\": 40",
        "minTravel")]
    [InlineData("\"id\": \"lunge\"", "\"id\": \"squat\"", "more than once")]
    [InlineData("\"aliases\": [\"bridge\", \"hip bridge\"]", "\"aliases\": [\"curl\", \"hip bridge\"]",
        "the name 'curl' stands for more than one exercise: biceps-curl, glute-bridge")]
    [InlineData("\"atMost\": 95, \"tolerance\": 10", "\"tolerance\": 10", "atLeast or atMost")]
    [InlineData("\"relativeToStart\": true, \"aggregate\": \"min\", \"atMost\": 0.66",
        "\"aggregate\": \"min\", \"atMost\": 0.66", "needs two 'per' joints unless")]
    [InlineData("\"aggregate\": \"max\", \"atMost\": 0.05, \"tolerance\": 0.02",
        "\"relativeToStart\": true, \"aggregate\": \"max\", \"atMost\": 0.05, \"tolerance\": 0.02",
        "plank/sag: only rep checks can be relative")]
    public void ParseNamesWhatIsWrongWithTheData(string original, string broken, string problem)
    {
        var json = EmbeddedJson();
        Assert.Contains(original, json, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => ExerciseCatalog.Parse(
            json.Replace(original, broken, StringComparison.Ordinal)));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("squat", "squat")]
    [InlineData("Squats", "squat")]
    [InlineData(" Push-ups ", "push-up")]
    [InlineData("pushup", "push-up")]
    [InlineData("press-ups", "push-up")]
    [InlineData("sit ups", "sit-up")]
    [InlineData("SITUP", "sit-up")]
    [InlineData("bicep curls", "biceps-curl")]
    [InlineData("Biceps curl", "biceps-curl")]
    [InlineData("shoulder presses", "shoulder-press")]
    [InlineData("overhead press", "shoulder-press")]
    [InlineData("jumping_jacks", "jumping-jack")]
    [InlineData("star jumps", "jumping-jack")]
    [InlineData("glute bridges", "glute-bridge")]
    [InlineData("lateral lunges", "lunge")]
    [InlineData("forearm plank", "plank")]
    public void ResolveFindsAnExerciseHoweverAPersonWritesIt(string name, string id) =>
        Assert.Equal(id, ExerciseCatalog.Default.Resolve(name)?.Id);

    [Theory]
    [InlineData("burpee")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("press")]
    [InlineData("walking lunge")]
    [InlineData("squatting")]
    public void ResolveFindsNothingForAnotherMovementOrNoName(string name) =>
        Assert.Null(ExerciseCatalog.Default.Resolve(name));

    [Fact]
    public void ThresholdsAreTunedInTheDataNotTheCode()
    {
        var motion = ExerciseMotions.All.Single(m => m.ToString() == "squat (Side)");
        var frames = new SyntheticSequence(motion.View).Hold(1.5, motion).Rep(motion, depth: motion.ShallowDepth!.Value)
            .Hold(0.5, motion).Build();
        var strict = ExerciseCatalog.Default;
        var lenient = ExerciseCatalog.Parse(EmbeddedJson().Replace("\"atMost\": 95", "\"atMost\": 105",
            StringComparison.Ordinal));

        var strictCount = frames.Aggregate(RepCounter.Start(strict.Get("squat"), strict.Settings), (c, f) => c.Next(f));
        var lenientCount = frames.Aggregate(RepCounter.Start(lenient.Get("squat"), lenient.Settings),
            (c, f) => c.Next(f));

        Assert.Equal((0, 1), (strictCount.GoodReps, strictCount.ImproperReps));
        Assert.Equal((1, 0), (lenientCount.GoodReps, lenientCount.ImproperReps));
    }
}
