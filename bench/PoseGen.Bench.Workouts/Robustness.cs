using System.Globalization;
using PoseGen.Core.Workouts;
using PoseGen.TestSupport.Workouts;

namespace PoseGen.Bench.Workouts;

/// <summary>
/// Counts every labelled clip again after changes that leave the true count alone (<see cref="RecordingChanges"/>,
/// which lists them). A counter that holds on unseen clips should give the same count on each; one that changes shows a
/// dependence on something of the filming the clips happen to share. The counter's settings are not searched on these
/// versions; the rules added after a failure seen on them say so where they are defined (exercises.json).
/// </summary>
internal static class Robustness
{
    public static void Run(IReadOnlyList<(ClipLabel Label, ClipKeypoints Keypoints)> clips, TextWriter output)
    {
        var catalog = ExerciseCatalog.Default;
        var variants = RecordingChanges.All;
        var counted = clips.Where(c => c.Label.Exercise != "plank").Select(c => c.Label).ToHashSet();
        output.WriteLine("| clip | expected | " + string.Join(" | ", variants.Select(v => v.Name)) + " |");
        output.WriteLine("|---|---|" + string.Concat(variants.Select(_ => "---|")));
        var (exact, named) = (new int[variants.Count], new int[variants.Count]);
        var (exerciseSpread, danceSpread) = (new double[variants.Count], Enumerable.Repeat(double.MaxValue,
            variants.Count).ToArray());
        var misses = new List<string>();
        foreach (var (label, keypoints) in clips)
        {
            var cells = new List<string>();
            for (var v = 0; v < variants.Count; v++)
            {
                var changed = keypoints.With(variants[v].Apply(keypoints.ToKeypointClip(), label.PeakTimes));
                var recognition = ExerciseRecognizer.Recognize([.. changed.PoseFrames()], changed.FramesPerSecond);
                var recognised = recognition.ExerciseId ?? "none";
                var right = recognised == label.Exercise;
                // How far the peak poses spread: of the labelled exercise's cycles, and for the clip where nobody
                // exercises, of every candidate that would otherwise have been a fit (two cycles or more covering
                // a third of the time).
                if (label.IsNegative)
                {
                    danceSpread[v] = Math.Min(danceSpread[v], recognition.Candidates
                        .Where(c => c.Cycles >= 2 && c.Coverage >= ExerciseRecognizer.MinCoverage)
                        .Select(c => c.PeakSpread ?? double.MaxValue).DefaultIfEmpty(double.MaxValue).Min());
                }
                else if (recognition.Candidates.FirstOrDefault(c => c.ExerciseId == label.Exercise) is
                    { PeakSpread: { } spread })
                {
                    exerciseSpread[v] = Math.Max(exerciseSpread[v], spread);
                }
                named[v] += right ? 1 : 0;
                if (!right)
                {
                    misses.Add($"- {label.Clip}, {variants[v].Name}: recognised as {recognised} ("
                        + string.Join(", ", recognition.Candidates.Take(2).Select(c => string.Create(
                            CultureInfo.InvariantCulture, $"{c.ExerciseId} {c.Score:0.00}: usable {c.Usable:0.00}, "
                            + $"in cycles {c.Coverage:0.00}, form {c.GoodShare:0.00}, {c.Cycles} cycles, "
                            + $"peak spread {c.PeakSpread:0.00}"))) + ")");
                }
                if (!counted.Contains(label)) continue;
                var score = Evaluation.Score(label, changed, catalog);
                exact[v] += score.Exact ? 1 : 0;
                cells.Add((score.Exact ? "" : "**") + score.Counted.ToString(CultureInfo.InvariantCulture)
                    + (score.Exact ? "" : "**") + (right ? "" : " (?)"));
                if (!score.Exact) misses.Add($"- {label.Clip}, {variants[v].Name}: counted {score.Detail}");
            }
            if (counted.Contains(label))
                output.WriteLine($"| {label.Clip} | {label.Expected()} | {string.Join(" | ", cells)} |");
        }
        output.WriteLine("| exact | | " + string.Join(" | ", exact.Select(e => $"{e}/{counted.Count}")) + " |");
        output.WriteLine("| named right (exercise=auto) | | "
            + string.Join(" | ", named.Select(e => $"{e}/{clips.Count}")) + " |");
        output.WriteLine("| peak spread: exercises' largest / dance's smallest | | " + string.Join(" | ",
            exerciseSpread.Zip(danceSpread, (a, b) => string.Create(CultureInfo.InvariantCulture,
                $"{a:0.00} / {b:0.00}")))
            + " |");
        output.WriteLine();
        output.WriteLine(
            "Counts with the exercise given (the negative clip with exercise=auto, as the product answers it); "
            + "(?) marks a clip whose exercise auto names wrong in that version.");
        output.WriteLine();
        foreach (var miss in misses) output.WriteLine(miss);
    }

    private static string Expected(this ClipLabel label) =>
        (label.CompleteReps ?? 0).ToString(CultureInfo.InvariantCulture);
}
