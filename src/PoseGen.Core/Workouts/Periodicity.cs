using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>The repetition period of a whole pose sequence and how clearly it repeats (autocorrelation at that lag, in
/// [0, 1]: 1 is a perfect repeat). <see cref="Cycles"/> is the number of periods in the moving part of the
/// sequence.</summary>
public sealed record RepetitionPeriod(double PeriodSeconds, double Strength, double Cycles);

/// <summary>
/// Exercise-agnostic repetition finding, the idea behind class-agnostic counters such as RepNet (Dwibedi et al., CVPR
/// 2020): a repeated movement makes the pose sequence similar to itself one period later. Each frame's pose is
/// normalised (joints relative to the trunk centre, in torso lengths, so walking and zoom do not matter), each
/// coordinate's slow drift is removed (a moving average of <see cref="DetrendSeconds"/>), and the autocorrelation of
/// the whole multi-joint sequence is searched for its first clear peak between <see cref="MinPeriodSeconds"/> and
/// <see cref="MaxPeriodSeconds"/>.
/// </summary>
public static class Periodicity
{
    /// <summary>
    /// Shortest and longest periods looked for: a brisk jumping jack takes about 0.7 s, a slow sit-up 4 s.
    /// </summary>
    public const double MinPeriodSeconds = 0.6;
    public const double MaxPeriodSeconds = 8;

    /// <summary>Slow drift removed before correlating: longer than any rep looked for.</summary>
    internal const double DetrendSeconds = 8;

    /// <summary>
    /// Null when the frames are too few or nobody is seen; <paramref name="framesPerSecond"/> is their rate.
    /// </summary>
    public static RepetitionPeriod? Estimate(IReadOnlyList<PoseFrame> frames, double framesPerSecond,
        double minScore = 0.3)
    {
        var poses = Normalise(frames, minScore);
        var n = poses.Count;
        var minLag = (int)Math.Ceiling(MinPeriodSeconds * framesPerSecond);
        var maxLag = Math.Min(n / 2, (int)Math.Floor(MaxPeriodSeconds * framesPerSecond));
        if (n == 0 || maxLag <= minLag) return null;
        var dims = poses[0].Length;
        var series = new double[dims][];
        for (var d = 0; d < dims; d++)
            series[d] = Detrend([.. poses.Select(p => p[d])], (int)Math.Round(DetrendSeconds * framesPerSecond));
        var r = new double[maxLag + 1];
        for (var lag = 0; lag <= maxLag; lag++)
        {
            double sum = 0, a2 = 0, b2 = 0;
            for (var d = 0; d < dims; d++)
            {
                var x = series[d];
                for (var t = 0; t + lag < n; t++)
                {
                    sum += x[t] * x[t + lag];
                    a2 += x[t] * x[t];
                    b2 += x[t + lag] * x[t + lag];
                }
            }
            r[lag] = a2 > 1e-12 && b2 > 1e-12 ? sum / Math.Sqrt(a2 * b2) : 0;
        }
        // The first clear local maximum (a later one wins only when clearly higher: a half-period echo is weaker).
        var best = -1;
        for (var lag = minLag; lag < maxLag; lag++)
        {
            if (r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1] && r[lag] > 0.2 && (best < 0 || r[lag] > r[best] + 0.15))
            {
                if (best >= 0 && r[best] >= 0.8 * r[lag]) break;
                best = lag;
            }
        }
        // No peak at all: the pose drifts or holds, it does not repeat.
        if (best < 0) return new RepetitionPeriod(0, 0, 0);
        var period = best / framesPerSecond;
        var moving = MovingSeconds(series, framesPerSecond);
        return new RepetitionPeriod(period, Math.Clamp(r[best], 0, 1), moving / period);
    }

    /// <summary>Seconds during which the pose moves: frames whose local (two-second) motion energy is at least a tenth
    /// of the 75th percentile, so rests before and after a set are left out of the cycle estimate.</summary>
    private static double MovingSeconds(double[][] series, double fps)
    {
        var n = series[0].Length;
        var half = Math.Max(1, (int)Math.Round(fps));
        var energy = new double[n];
        for (var t = 0; t < n; t++)
        {
            double e = 0;
            for (var d = 0; d < series.Length; d++)
                for (var u = Math.Max(0, t - half); u < Math.Min(n, t + half); u++)
                    e += series[d][u] * series[d][u];
            energy[t] = e;
        }
        var sorted = energy.Order().ToArray();
        var high = sorted[(int)(0.75 * (n - 1))];
        return energy.Count(e => e >= 0.1 * high) / fps;
    }

    internal static double[] Detrend(double[] x, int window)
    {
        var mean = MovingAverage(x, Math.Max(1, window / 2));
        return [.. x.Select((v, i) => v - mean[i])];
    }

    /// <summary>The centred moving average over <paramref name="half"/> frames either side (fewer at the ends).
    /// </summary>
    internal static double[] MovingAverage(double[] x, int half)
    {
        var prefix = new double[x.Length + 1];
        for (var i = 0; i < x.Length; i++) prefix[i + 1] = prefix[i] + x[i];
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(x.Length, i + half + 1);
            y[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return y;
    }

    /// <summary>Per frame: every joint relative to the trunk centre in torso lengths (34 values); a joint unseen keeps
    /// its last seen value, and frames before anyone is seen are dropped.</summary>
    internal static List<double[]> Normalise(IReadOnlyList<PoseFrame> frames, double minScore)
    {
        var result = new List<double[]>();
        double[]? last = null;
        foreach (var frame in frames)
        {
            if (CompiledExercise.TrunkPose(frame.Keypoints, minScore) is not { } seen)
            {
                if (last is not null) result.Add(last);
                continue;
            }
            var pose = last is null ? new double[CocoKeypoints.Count * 2] : (double[])last.Clone();
            for (var i = 0; i < pose.Length; i++)
            {
                if (!double.IsNaN(seen[i])) pose[i] = seen[i];
            }
            last = pose;
            result.Add(pose);
        }
        return result;
    }
}
