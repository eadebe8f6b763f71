using System.Globalization;
using PoseGen.Core.Workouts;

namespace PoseGen.Bench.Workouts;

/// <summary>Counts every labelled clip from its saved keypoints and compares with the labels.</summary>
internal static class Evaluation
{
    public sealed record ClipScore(ClipLabel Label, int Counted, int Good, double? MeanPeakError, double? Held, string Detail)
    {
        public int Expected => Label.CompleteReps ?? 0;
        public bool Exact => Counted == Expected;
        public bool WithinOne => Math.Abs(Counted - Expected) <= 1;
    }

    public static ClipScore Score(ClipLabel label, ClipKeypoints keypoints, ExerciseCatalog catalog)
    {
        var exerciseId = label.IsNegative ? "squat" : label.Exercise;
        var counter = keypoints.PoseFrames().Aggregate(RepCounter.Start(catalog.Get(exerciseId), catalog.Settings), (c, f) => c.Next(f)).Finish();
        var reps = counter.Reps;
        double? error = null;
        if (reps.Count > 0 && label.PeakTimes.Count > 0)
            error = reps.Average(r => label.PeakTimes.Min(p => Math.Abs(p - r.PeakS)));
        var detail = string.Join(" ", reps.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.PeakS:0.0}{(r.IsGood ? "" : "*")}")))
            + (counter.Uncounted.Count > 0 ? " | not counted: " + string.Join(", ", counter.Uncounted.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.PeakS:0.0} {u.Reason}"))) : "");
        return new ClipScore(label, reps.Count, counter.GoodReps, error, counter.Exercise.Kind == ExerciseKind.Hold ? counter.HoldSeconds : null, detail);
    }

    public static void Run(IReadOnlyList<(ClipLabel Label, ClipKeypoints Keypoints)> clips, TextWriter output)
    {
        var catalog = ExerciseCatalog.Default;
        output.WriteLine("| clip | exercise | expected | counted (good) | exact | peak error s | reps at (s; * improper) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        var scores = clips.Select(c => Score(c.Label, c.Keypoints, catalog)).ToList();
        foreach (var s in scores)
        {
            var expected = s.Label.Exercise == "plank" ? $"hold {s.Label.HoldSeconds:0} s" : s.Expected.ToString(CultureInfo.InvariantCulture);
            var counted = s.Held is { } h ? $"held {h:0.0} s" : $"{s.Counted} ({s.Good})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Label.Clip} | {s.Label.Exercise} | {expected} | {counted} | {(s.Exact ? "yes" : s.WithinOne ? "off by 1" : "no")} | {s.MeanPeakError:0.00} | {s.Detail} |"));
        }
        var reps = scores.Where(s => s.Label.Exercise != "plank").ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact {reps.Count(s => s.Exact)}/{reps.Count}, within one {reps.Count(s => s.WithinOne)}/{reps.Count}"));
    }
}
