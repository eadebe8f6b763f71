using System.Collections.Immutable;

namespace PoseGen.Core.Workouts;

/// <summary>
/// The rep in progress: when it left the start pose, the signal's extreme toward the peak and when, and each form
/// check's aggregate (min or max). "Stay within" checks aggregate every frame of the rep; "reach" checks (depth, feet
/// apart, lockout) only the frames near the rep's own peak, so a joint hidden at the peak leaves the check
/// unjudged rather than judged on the way down. Null aggregates are checks never measured and do not fail the rep. The
/// peak time is the middle of the frames within <see cref="PlateauBand"/> of the range from the extreme, so a flat,
/// noisy top (a held lockout) gives its middle rather than whichever frame noise made the highest.
/// <see cref="StartChecks"/>
/// are the check values in the start pose the rep began from, the reference of checks relative to the start.
/// </summary>
internal sealed record RepCycle(
    double StartTime,
    double StartValue,
    ImmutableArray<double?> StartChecks,
    double PeakValue,
    double PeakFirst,
    double PeakLast,
    double MaxProgress,
    ImmutableArray<double?> Aggregates)
{
    /// <summary>Fraction of the person's range within which frames count as the peak plateau.</summary>
    private const double PlateauBand = 0.05;

    public double PeakTime => (PeakFirst + PeakLast) / 2;

    public static RepCycle Begin(double startTime, double startValue, ImmutableArray<double?> startChecks) =>
        new(startTime, startValue, startChecks, startValue, startTime, startTime, double.NegativeInfinity,
            [.. Enumerable.Repeat<double?>(null, startChecks.Length)]);

    /// <summary>A check's value on a frame as its bounds see it (see <see cref="CompiledCheck.Judged"/>).</summary>
    public double? Judged(CompiledView view, int check, double? value) =>
        value is { } v ? view.Checks[check].Judged(v, StartChecks[check]) : null;

    /// <param name="travel">The person's current range (high - low), signal units.</param>
    public RepCycle Add(double time, double signal, double progress, double travel, CompiledView view,
        RangeSettings range,
        ReadOnlySpan<double?> checkValues)
    {
        var aggregates = Aggregates.ToBuilder();
        var oriented = view.Oriented(signal);
        var first = double.IsNegativeInfinity(MaxProgress);
        var best = first ? oriented : view.Oriented(PeakValue);
        // Near this rep's own extreme so far, within a band of the person's range (not near the range's end: a shallow
        // rep must still be judged on its deepest frames).
        var nearPeak = oriented >= Math.Max(best, oriented) - (range.ReachBand * travel);
        for (var i = 0; i < view.Checks.Length; i++)
        {
            var check = view.Checks[i];
            if (Judged(view, i, checkValues[i]) is { } v && (nearPeak || check.IsContinuous)) aggregates[i] =
                check.Fold(aggregates[i], v);
        }
        var band = PlateauBand * travel;
        var isPeak = first || oriented > best;
        var newPlateau = first || oriented > best + band;
        return this with
        {
            MaxProgress = Math.Max(MaxProgress, progress),
            PeakValue = isPeak ? signal : PeakValue,
            PeakFirst = newPlateau ? time : PeakFirst,
            PeakLast = oriented >= Math.Max(best, oriented) - band ? time : PeakLast,
            Aggregates = aggregates.MoveToImmutable(),
        };
    }

    public RepResult Complete(int number, double endTime, CompiledView view)
    {
        var issues = new List<string>();
        var margins = new List<double>();
        var outcomes = new List<CheckOutcome>();
        var penalty = 1.0;
        for (var i = 0; i < view.Checks.Length; i++)
        {
            if (Aggregates[i] is not { } value) continue;
            var check = view.Checks[i];
            var d = check.Definition;
            var (violation, margin) = check.Distance(value);
            var unit = check.Measure?.Unit ?? view.Signal?.Unit ?? "ratio";
            outcomes.Add(new CheckOutcome(d.Id, d.Label ?? d.Id, Math.Round(value, 3), unit, d.RelativeToStart,
                d.AtLeast, d.AtMost,
                violation <= 0, d.Issue));
            if (violation > 0)
            {
                issues.Add(d.Issue);
                penalty *= d.Tolerance > 0 ? 1 - Math.Clamp(violation / (2 * d.Tolerance), 0, 1) : 0;
            }
            else
            {
                margins.Add(d.Tolerance > 0 ? Math.Clamp(margin / d.Tolerance, 0, 1) : 1);
            }
        }
        // Good reps: 0.7 plus up to 0.3 for passing each check by a full tolerance. Improper reps: at most 0.5,
        // shrinking to 0 as a failed check misses by twice its tolerance.
        var quality = issues.Count > 0 ? 0.5 * penalty : 0.7 + (0.3 * (margins.Count > 0 ? margins.Average() : 1));
        var unitOfSignal = view.Signal?.Unit ?? "ratio";
        return new RepResult(number, StartTime, PeakTime, endTime, Math.Abs(PeakValue - StartValue), unitOfSignal,
            issues,
            Math.Round(quality, 3), outcomes);
    }
}
