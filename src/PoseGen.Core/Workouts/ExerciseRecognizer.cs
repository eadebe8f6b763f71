namespace PoseGen.Core.Workouts;

/// <summary>How well one catalog exercise explains a sequence: the share of frames it can use (its joints seen and its
/// posture held), the share of that time spent in its counted cycles, the share of those cycles in good form, the
/// cycles themselves and how far their peak poses differ (<see cref="RepResemblance"/>; null under two cycles).
/// </summary>
public sealed record ExerciseFit(string ExerciseId, CameraView View, double Usable, double Coverage, double GoodShare,
    int Cycles,
    double Score,
    double? PeakSpread = null);

/// <summary>The exercise recognised from the motion (null: nothing repetitive to count), with the confidence in [0, 1]
/// and every candidate's fit, best first.</summary>
public sealed record ExerciseRecognition(string? ExerciseId, CameraView View, double Confidence,
    RepetitionPeriod? Period,
    IReadOnlyList<ExerciseFit> Candidates);

/// <summary>
/// Names the exercise being done from the motion itself. Every rep exercise of the catalog counts the sequence with its
/// own signal, posture and form checks; the one whose cycles explain most of the sequence wins: a push-up counter sees
/// nothing usable in a standing person, a curl counter sees a jumping jack's arm swings but judges every one of them
/// improper (elbows leave the sides), a squat counter sees a lunge but its cycles cover less. Each fit is weighed by
/// how well its cycle count agrees with the whole-body repetition (<see cref="Periodicity"/>), so a counter finding
/// cycles in a dance that repeats at another rate loses, and cycles that peak in a different pose each time (a dance
/// again: <see cref="RepResemblance"/>) are no fit at all; nor is a cycle that fails a check defining the exercise
/// (<see cref="CheckDefinition.Defines"/>: a squat counter's cycle in which one knee bends and the other stays long).
/// Nothing is recognised when no exercise has at least <see cref="MinCycles"/> cycle over at least
/// <see cref="MinCoverage"/> of the time it can use with a score of <see cref="MinScore"/>; then a hold (plank) is
/// tried.
/// </summary>
public static class ExerciseRecognizer
{
    /// <summary>A clip may hold a single slow rep.</summary>
    public const int MinCycles = 1;

    /// <summary>
    /// Design choices, not fitted: a set spends most of its time in reps; a third leaves room for rests.
    /// </summary>
    public const double MinCoverage = 0.33;

    /// <summary>The product of the other minima (usable half the time, a third of it in cycles, half the checks
    /// passed): a design choice, not fitted.</summary>
    public const double MinScore = 0.12;

    /// <summary>
    /// Design choice, not fitted: a pause between reps longer than twice the typical interval is a rest between sets.
    /// </summary>
    private const double RestGapFactor = 2;

    /// <summary>A hold is recognised when good form is held for at least half of the time someone is seen.</summary>
    public const double MinHoldShare = 0.5;

    /// <summary>
    /// How well a counter's cycles agree with the whole-body repetition: the ratio of the smaller to the larger of the
    /// two counts (1 when the sequence is too short or too irregular for a period, or holds a single cycle).
    /// </summary>
    public static double Agreement(int cycles, RepetitionPeriod? period)
    {
        if (period is null || period.Strength <= 0 || period.Cycles < 2 || cycles <= 1) return 1;
        return Math.Min(cycles, period.Cycles) / Math.Max(cycles, period.Cycles);
    }

    private static double HoldShare(ExerciseDefinition exercise, CounterSettings settings,
        IReadOnlyList<PoseFrame> frames)
    {
        var counter = RepCounter.Start(exercise, settings);
        double? first = null, last = null;
        foreach (var frame in frames)
        {
            counter = counter.Next(frame);
            if (!frame.Keypoints.Any(k => k.Score >= settings.MinKeypointScore)) continue;
            first ??= frame.TimeSeconds;
            last = frame.TimeSeconds;
        }
        return first is { } a && last is { } b && b > a ? counter.HoldSeconds / (b - a) : 0;
    }

    public static ExerciseRecognition Recognize(IReadOnlyList<PoseFrame> frames, double framesPerSecond,
        ExerciseCatalog? catalog = null)
    {
        catalog ??= ExerciseCatalog.Default;
        var period = Periodicity.Estimate(frames, framesPerSecond, catalog.Settings.MinKeypointScore);
        var fits = catalog.Exercises.Where(e => e.Kind == ExerciseKind.Reps)
            .Select(e => Fit(e, catalog.Settings, frames) is var f
                ? f with { Score = Math.Round(f.Score * Agreement(f.Cycles, period), 4) } : f)
            .OrderByDescending(f => f.Score).ToList();
        var best = fits.Count > 0 ? fits[0] : null;
        if (best is null || best.Cycles < MinCycles || best.Coverage < MinCoverage || best.Score < MinScore)
        {
            // Nothing repeats: a hold (plank) is recognised when its form holds for most of the time seen.
            var hold = catalog.Exercises.Where(e => e.Kind == ExerciseKind.Hold
                && e.Views.All(v => v.Checks.All(c => c.Measure?.Kind != MeasureKind.Similarity)))
                .Select(e => (Exercise: e, Share: HoldShare(e, catalog.Settings, frames)))
                .OrderByDescending(h => h.Share).FirstOrDefault();
            if (hold.Exercise is not null && hold.Share >= MinHoldShare)
                return new ExerciseRecognition(hold.Exercise.Id, CameraView.Auto, Math.Round(hold.Share, 2), period,
                    fits);
            return new ExerciseRecognition(null, CameraView.Auto, NoneConfidence(best, period), period, fits);
        }
        var second = fits.Count > 1 ? fits[1].Score : 0;
        var confidence = Math.Round(best.Score / (best.Score + second + 1e-9), 2);
        return new ExerciseRecognition(best.ExerciseId, best.View, confidence, period, fits);
    }

    /// <summary>
    /// 1 minus the coefficient of variation of the intervals between rep peaks (1 for fewer than three reps). A rest
    /// between sets (<see cref="IsRest"/>) is not an irregular rep and is left out.
    /// </summary>
    private static double Regularity(IReadOnlyList<RepResult> reps)
    {
        var (all, typical) = PeakIntervals(reps);
        var gaps = all.Where(g => !IsRest(g, typical)).ToList();
        if (gaps.Count < 2) return 1;
        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Average(g => (g - mean) * (g - mean)));
        return Math.Clamp(1 - (sd / mean), 0, 1);
    }

    /// <summary>
    /// Seconds of rest between sets: of every rest (<see cref="IsRest"/>), what exceeds the median interval (0 for
    /// fewer than three reps).
    /// </summary>
    private static double RestSeconds(IReadOnlyList<RepResult> reps)
    {
        var (gaps, typical) = PeakIntervals(reps);
        return gaps.Where(g => IsRest(g, typical)).Sum(g => g - typical);
    }

    /// <summary>The intervals between rep peaks and their median; none for fewer than three reps, too few to tell a
    /// rest from a rep.</summary>
    private static (List<double> Gaps, double Typical) PeakIntervals(IReadOnlyList<RepResult> reps)
    {
        if (reps.Count < 3) return ([], 0);
        var gaps = reps.Zip(reps.Skip(1), (a, b) => b.PeakS - a.PeakS).ToList();
        return (gaps, Median(gaps));
    }

    /// <summary>
    /// An interval more than <see cref="RestGapFactor"/> times the median one is a rest between sets.
    /// </summary>
    private static bool IsRest(double gap, double typical) => gap > RestGapFactor * typical;

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double NoneConfidence(ExerciseFit? best, RepetitionPeriod? period) =>
        Math.Round(1 - Math.Max(best?.Score ?? 0, 0), 2);

    public static ExerciseFit Fit(ExerciseDefinition exercise, CounterSettings settings,
        IReadOnlyList<PoseFrame> frames)
    {
        var counter = RepCounter.Start(exercise, settings);
        var seen = 0;
        var usableTimes = new List<double>();
        foreach (var frame in frames)
        {
            counter = counter.Next(frame);
            if (frame.Keypoints.Any(k => k.Score >= settings.MinKeypointScore)) seen++;
            if (counter.IsVisible) usableTimes.Add(frame.TimeSeconds);
        }
        counter = counter.Finish();
        var reps = counter.Reps;
        var fps = frames.Count > 1 ? (frames.Count - 1) / Math.Max(1e-6, frames[^1].TimeSeconds - frames[0].TimeSeconds)
            : 1;
        var usable = usableTimes.Count;
        var usableShare = seen == 0 ? 0 : (double)usable / seen;
        var inCycles = reps.Sum(r => r.EndS - r.StartS);
        // The time the cycles must cover: with two cycles or more, from the first one's start to the last one's end
        // (standing before and after a set is not motion they fail to explain), less the rests between sets.
        var span = reps.Count < 2 ? usable
            : usableTimes.Count(t => t >= reps[0].StartS && t <= reps[^1].EndS);
        var coverage = usable == 0 ? 0 : Math.Min(1, inCycles / Math.Max(inCycles, (span / fps) - RestSeconds(reps)));
        // The share of form checks each cycle passes, averaged: evidence that the motion is this exercise (a squat
        // counter on a lateral lunge fails both depth and knee tracking; the lunge counter's split check passes).
        var good = reps.Count == 0 ? 0 : reps.Average(r => r.Checks is { Count: > 0 } c
            ? c.Count(o => o.Passed) / (double)c.Count : 1);
        var view = exercise.Views.FirstOrDefault(v => v.Views.Contains(counter.View)) ?? exercise.Views[0];
        var travel = reps.Count == 0 ? 0 : Median(reps.Select(r => r.RangeOfMotion)) / Math.Abs(view.Peak - view.Start);
        // Cycles failing every check still count as the exercise, with half the weight of good ones; a cycle much
        // smaller than the exercise's typical travel (a curl counter on a goblet hold) weighs less; so do irregular
        // cycles (dancing).
        var score = usableShare * coverage * (0.5 + (0.5 * good)) * Math.Min(1, travel) * Regularity(reps);
        // A cycle failing a check that defines the exercise (a lunge bends one knee) is some other movement.
        var defining = view.Checks?.Where(c => c.Defines).Select(c => c.Id).ToHashSet() ?? [];
        if (defining.Count > 0 && reps.Count > 0)
            score *= reps.Count(r => !(r.Checks ?? []).Any(o => !o.Passed && defining.Contains(o.Id)))
                / (double)reps.Count;
        // Reps of one exercise come back to the same peak pose; cycles that do not are some other movement.
        var spread = RepResemblance.Spread(frames, reps, RepResemblance.JointsOf(exercise), settings.MinKeypointScore);
        if (spread >= RepResemblance.MaxSpread) score = 0;
        return new ExerciseFit(exercise.Id, counter.View, Math.Round(usableShare, 3), Math.Round(coverage, 3),
            Math.Round(good, 3),
            reps.Count, Math.Round(score, 4), spread is { } s ? Math.Round(s, 3) : null);
    }
}
