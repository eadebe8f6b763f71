using System.Diagnostics;
using System.Globalization;

namespace PoseGen.Bench.Inference;

/// <summary>Summary of repeated timings, in milliseconds.</summary>
internal sealed record Timing(double MedianMs, double MeanMs, double P90Ms, double MinMs, int N)
{
    public static Timing Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Timing(At(sorted, 0.5), samples.Average(), At(sorted, 0.9), sorted[0], sorted.Length);
    }

    /// <summary>Runs <paramref name="action"/> warmup + iterations times and times the last iterations.</summary>
    public static Timing Measure(int warmup, int iterations, Action action)
    {
        var samples = new List<double>(iterations);
        for (var i = 0; i < warmup + iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            if (i >= warmup)
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Of(samples);
    }

    private static double At(double[] sorted, double q) => sorted[
        Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    public override string ToString() => F(MedianMs) + " (mean " + F(MeanMs) + ", p90 " + F(P90Ms) + ", min " + F(MinMs)
        + ")";

    public static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
