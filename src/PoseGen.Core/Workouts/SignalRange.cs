using System.Collections.Immutable;

namespace PoseGen.Core.Workouts;

/// <summary>
/// The person's own range of motion: the rep signal's recent values (the last
/// <see cref="RangeSettings.WindowSeconds"/>, and while a rep is under way the window as it stood when the rep began)
/// and their robust extremes (low and high percentiles, so one glitching
/// frame cannot stretch the range). Cycles are found as a fraction of this range, which is why the same counter works
/// for a short person or a tall one, a near camera or a far one, a full range or a partial one, and from any view where
/// the signal moves at all.
/// </summary>
internal sealed record SignalRange(ImmutableArray<double> Times, ImmutableArray<double> Values)
{
    public static SignalRange Empty { get; } = new([], []);

    public int Count => Values.Length;

    /// <param name="keepSince">Values from this time on are kept even when older than the window (see
    /// <see cref="RepSteps"/>: the range a rep under way is judged on).</param>
    public SignalRange Add(double time, double value, double windowSeconds, double? keepSince = null)
    {
        var from = Math.Min(time - windowSeconds, keepSince ?? double.PositiveInfinity);
        var drop = 0;
        while (drop < Times.Length && Times[drop] < from) drop++;
        return new SignalRange(Times[drop..].Add(time), Values[drop..].Add(value));
    }

    /// <summary>
    /// The <paramref name="percentile"/> and 1 - <paramref name="percentile"/> quantiles (linear interpolation).
    /// </summary>
    public (double Low, double High) Extremes(double percentile)
    {
        if (Values.Length == 0) return (0, 0);
        var sorted = Values.ToArray();
        Array.Sort(sorted);
        return (Quantile(sorted, percentile), Quantile(sorted, 1 - percentile));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
