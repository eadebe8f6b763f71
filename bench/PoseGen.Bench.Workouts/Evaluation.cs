using System.Globalization;
using PoseGen.Core.Workouts;

namespace PoseGen.Bench.Workouts;

/// <summary>Counts every labelled clip from its saved keypoints and compares with the labels.</summary>
internal static class Evaluation
{
    public sealed record ClipScore(ClipLabel Label, int Counted, int Good, double? MeanPeakError, double? Held,
        string Detail)
    {
        public int Expected => Label.CompleteReps ?? 0;
        public bool Exact => Counted == Expected;
        public bool WithinOne => Math.Abs(Counted - Expected) <= 1;
    }

    public static ClipScore Score(ClipLabel label, ClipKeypoints keypoints, ExerciseCatalog catalog,
        CounterSettings? settings = null)
    {
        if (label.IsNegative)
        {
            // As the product answers it: exercise=auto, which must recognise nothing and count nothing.
            var auto = PoseGen.Application.Workouts.VideoWorkoutAnalyzer.Count([.. keypoints.PoseFrames()], null,
                keypoints.FramesPerSecond);
            return new ClipScore(label, auto.Reps + auto.ImproperReps, auto.Reps, null, null, $"auto: {auto.Exercise}");
        }
        var exerciseId = label.Exercise;
        var frames = keypoints.PoseFrames().ToList();
        var counter = frames.Aggregate(RepCounter.Start(catalog.Get(exerciseId), settings ?? catalog.Settings),
            (c, f) => c.Next(f)).Finish();
        // As the product answers it: a clip the exercise cannot be read from counts its whole-body cycles instead,
        // each improper (VideoWorkoutAnalyzer).
        if (MotionRepetitions.WhenUnreadable(frames, keypoints.FramesPerSecond, counter)?.Cycles is { } motion)
        {
            var motionError = label.PeakTimes.Count > 0 ? motion.Average(c => label.PeakTimes.Min(p =>
                Math.Abs(p - c.PeakS))) : (double?)null;
            return new ClipScore(label, motion.Count, 0, motionError, null, "whole-body cycles (form not checked): "
                + string.Join(" ", motion.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.PeakS:0.0}*"))));
        }
        var reps = counter.Reps;
        double? error = null;
        if (reps.Count > 0 && label.PeakTimes.Count > 0)
            error = reps.Average(r => label.PeakTimes.Min(p => Math.Abs(p - r.PeakS)));
        var detail = string.Join(" ", reps.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.PeakS:0.0}{(r.IsGood ? "" : "*")}")))
            + (counter.Uncounted.Count > 0 ? " | not counted: " + string.Join(", ",
                counter.Uncounted.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.PeakS:0.0} {u.Reason}")))
                : "");
        return new ClipScore(label, reps.Count, counter.GoodReps, error,
            counter.Exercise.Kind == ExerciseKind.Hold ? counter.HoldSeconds : null, detail);
    }

    public static void Run(IReadOnlyList<(ClipLabel Label, ClipKeypoints Keypoints)> clips, TextWriter output)
    {
        var catalog = ExerciseCatalog.Default;
        output.WriteLine(
            "| clip | exercise | expected | counted (good) | exact | peak error s | reps at (s; * improper) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        var scores = clips.Select(c => Score(c.Label, c.Keypoints, catalog)).ToList();
        foreach (var s in scores)
        {
            var expected = s.Label.Exercise == "plank" ? $"hold {s.Label.HoldSeconds:0} s" : s.Expected.ToString(
                CultureInfo.InvariantCulture);
            var counted = s.Held is { } h ? $"held {h:0.0} s" : $"{s.Counted} ({s.Good})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Label.Clip} | {s.Label.Exercise} | {expected} | {counted} | " +
                $"{(s.Exact ? "yes" : s.WithinOne ? "off by 1" : "no")} | {s.MeanPeakError:0.00} | {s.Detail} |"));
        }
        var reps = scores.Where(s => s.Label.Exercise is not ("plank" or "none")).ToList();
        var exactTiming = reps.Where(s => s.Exact && s.MeanPeakError is not null).Select(s => s.MeanPeakError!.Value)
            .ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all-in (committed settings): exact {reps.Count(s => s.Exact)}/{reps.Count}, within one " +
            $"{reps.Count(s => s.WithinOne)}/{reps.Count}, mean peak error on exact clips " +
            $"{(exactTiming.Count > 0 ? exactTiming.Average() : 0):0.00} s"));
        output.WriteLine();
        output.WriteLine("Per exercise (all-in):");
        foreach (var g in reps.GroupBy(s => s.Label.Exercise))
            output.WriteLine(
                $"- {g.Key}: exact {g.Count(s => s.Exact)}/{g.Count()}, within one " +
                $"{g.Count(s => s.WithinOne)}/{g.Count()}");
        LeaveOneOut(clips.Where(c => c.Label.Exercise is not ("plank" or "none")).ToList(), catalog, output);
    }

    /// <summary>
    /// Leave-one-clip-out over the range settings (begin and peak fractions, window, extreme percentile): for each
    /// clip, the grid point with the most exact counts on the other clips (ties: the committed settings if among the
    /// best, then the smallest total count error) is chosen and the left-out clip counted with it.
    /// </summary>
    private static void LeaveOneOut(IReadOnlyList<(ClipLabel Label, ClipKeypoints Keypoints)> clips,
        ExerciseCatalog catalog, TextWriter output)
    {
        var committed = catalog.Settings.Range;
        var grid = (from b in new[] { 0.25, 0.3, 0.35, 0.4 }
                    from p in new[] { 0.6, 0.65, 0.7, 0.75, 0.8 }
                    from w in new[] { 5.0, 8, 12 }
                    from q in new[] { 0.02, 0.05, 0.1 }
                    select committed with { BeginFraction = b, PeakFraction = p, WindowSeconds = w,
                        ExtremePercentile = q }).ToList();
        var table = grid.Select(g => clips.Select(c => Score(c.Label, c.Keypoints, catalog,
            catalog.Settings with { Range = g })).ToArray()).ToArray();
        int looExact = 0, looNear = 0;
        var chosen = new List<string>();
        for (var left = 0; left < clips.Count; left++)
        {
            var rank = Enumerable.Range(0, grid.Count).Select(i => (
                    Index: i,
                    Exact: table[i].Where((_, k) => k != left).Count(s => s.Exact),
                    IsCommitted: grid[i] == committed,
                    Error: table[i].Where((_, k) => k != left).Sum(s => Math.Abs(s.Counted - s.Expected))))
                .OrderByDescending(r => r.Exact).ThenByDescending(r => r.IsCommitted).ThenBy(r => r.Error).First();
            var score = table[rank.Index][left];
            looExact += score.Exact ? 1 : 0;
            looNear += score.WithinOne ? 1 : 0;
            var g = grid[rank.Index];
            chosen.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {clips[left].Label.Clip} | {g.BeginFraction} / {g.PeakFraction} / {g.WindowSeconds} s / " +
                $"{g.ExtremePercentile} | {score.Counted} of {score.Expected} |"));
        }
        var best = Enumerable.Range(0, grid.Count).MaxBy(i => table[i].Count(s => s.Exact));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Leave-one-clip-out over {grid.Count} range settings: exact {looExact}/{clips.Count}, within one " +
            $"{looNear}/{clips.Count} "
            + $"(best all-in grid point: exact {table[best].Count(s => s.Exact)}/{clips.Count}; committed settings: " +
            $"exact {table[grid.IndexOf(committed)].Count(s => s.Exact)}/{clips.Count})"));
        var top = table.Max(t => t.Count(s => s.Exact));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sensitivity: {table.Count(t => t.Count(s => s.Exact) == top)} of {grid.Count} grid points reach " +
            $"{top}/{clips.Count} exact, " +
            $"{table.Count(t => t.Count(s => s.Exact) >= top - 1)} reach {top - 1} or more."));
        output.WriteLine();
        output.WriteLine(
            "| left-out clip | settings chosen on the others (begin / peak / window / percentile) | counted |");
        output.WriteLine("|---|---|---|");
        foreach (var line in chosen) output.WriteLine(line);
    }
}
