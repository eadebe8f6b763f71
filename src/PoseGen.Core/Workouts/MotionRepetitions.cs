using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>One back-and-forth of the whole-body motion: from the start side, past the far side, and back.</summary>
public sealed record MotionCycle(double StartS, double PeakS, double EndS);

/// <summary>The whole-body cycles and the signal they were found on: per frame from the first one that shows someone,
/// its time and its place along the main direction of change, in torso lengths (start side low).</summary>
public sealed record MotionTrace(IReadOnlyList<MotionCycle> Cycles, IReadOnlyList<double> TimesS,
    IReadOnlyList<double> Values);

/// <summary>
/// Cycles of the main whole-body motion, whatever the exercise and the camera angle: the keypoints as the rep counter
/// sees them (smoothed, swaps undone, brief losses carried), every joint relative to the trunk centre in the clip's
/// typical torso length (so the body's size in the picture stays in the signal), slow drift removed as in
/// <see cref="Periodicity"/>, projected on the first principal component (the direction in which the pose changes
/// most) and followed on its own range with the rep counter's settings (<see cref="RangeSettings"/>: begin past 35 %
/// of the range, peak past 70 %, back under 35 %). It knows nothing of form, so it is a fallback for a named exercise
/// whose own signal and posture cannot be read from the camera's view (filmed from straight above, head-on, turned
/// sideways, or with the feet out of the picture), never a rep count on its own.
/// Nothing in it was fitted. Two design steps were taken after looking at fixture data: with each frame's own torso
/// length as the unit (as <see cref="Periodicity"/> has it) the push-ups filmed from straight above gave 5 cycles of
/// 9, because their depth shows only as size; in the clip's typical torso length they give 8 from the raw keypoints
/// and 7 from the smoothed ones, which are kept because with raw joints flickering out every flicker became a cycle
/// (18 of 9 on a changed copy, 5 smoothed; bench/RESULTS.md, "Counted from the whole-body movement").
/// </summary>
public static class MotionRepetitions
{
    /// <summary>
    /// Noise floor: a cycle must move the pose at least this far along the component, in torso lengths (root of the
    /// summed squares over the joints). A design choice, set before any clip was run: MoveNet's jitter on a still
    /// person is a few hundredths of a torso per joint.
    /// </summary>
    public const double MinTravel = 0.3;

    /// <summary>Smoothing before the cycles are followed: a centred average over this many seconds.</summary>
    private const double SmoothSeconds = 0.3;

    /// <summary>Null when too few frames show anyone.</summary>
    public static MotionTrace? Find(IReadOnlyList<PoseFrame> frames, double framesPerSecond,
        CounterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(settings);
        var range = settings.Range;
        // Seen joints score 1 after smoothing, unseen ones 0.
        const double minScore = 0.5;
        var (smoothed, logTorso) = Smoothed(frames, settings);
        var poses = Periodicity.Normalise(smoothed, minScore);
        var n = poses.Count;
        if (n < 3 * framesPerSecond) return null;
        var times = smoothed.Skip(smoothed.Count - n).Select(f => f.TimeSeconds).ToList();
        // In the clip's own torso lengths (the median over the clip), not each frame's: the body's size stays in the
        // signal. The first of these frames shows the trunk (Normalise starts there); later gaps keep the last size.
        var logSize = new double[n];
        for (var t = 0; t < n; t++)
            logSize[t] = logTorso[smoothed.Count - n + t] ?? logSize[t - 1];
        var typical = logSize.Order().ElementAt(n / 2);
        var window = (int)Math.Round(Periodicity.DetrendSeconds * framesPerSecond);
        var half = Math.Max(1, (int)Math.Round(SmoothSeconds * framesPerSecond / 2));
        var series = new double[poses[0].Length][];
        for (var d = 0; d < series.Length; d++)
            series[d] = Periodicity.Detrend([.. poses.Select((p, t) => p[d] * Math.Exp(logSize[t] - typical))],
                window);
        // The direction in which the pose changes most.
        var projected = Project(series, Dominant(Covariance(series)));
        var smooth = Periodicity.MovingAverage(projected, half);
        // The start side is where the set begins and ends: the side the first and last seconds sit on.
        var edge = Math.Max(1, (int)Math.Round(framesPerSecond));
        var edges = smooth.Take(edge).Concat(smooth.TakeLast(edge)).Average();
        var sorted = smooth.Order().ToArray();
        if (edges > sorted[sorted.Length / 2])
            for (var t = 0; t < n; t++) smooth[t] = -smooth[t];
        return new MotionTrace(Follow(times, smooth, range), times, smooth);
    }

    /// <summary>
    /// Below this share of the frames that show someone, a named exercise is taken as unreadable from the camera's
    /// view (<see cref="WhenUnreadable"/>). A design choice, not fitted: most of the clip must be unreadable. On the
    /// fixture clips the counter reads 78-100 % of the frames of every clip but the one filmed from straight above
    /// (none).
    /// </summary>
    public const double UnreadableShare = 1.0 / 3;

    /// <summary>
    /// The whole-body cycles to report for a rep exercise whose <paramref name="counter"/> has been through
    /// <paramref name="frames"/>: null unless the counter could read under <see cref="UnreadableShare"/> of the frames
    /// that show someone and the body repeats a movement at least twice, more often than the counter counted.
    /// </summary>
    public static MotionTrace? WhenUnreadable(IReadOnlyList<PoseFrame> frames, double framesPerSecond,
        RepCounter counter)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(counter);
        var settings = counter.Settings;
        if (counter.Exercise.Kind != ExerciseKind.Reps) return null;
        var withSomeone = frames.Count(f => CompiledExercise.TrunkPose(f.Keypoints, settings.MinKeypointScore)
            is not null);
        if (counter.UsableFrames >= UnreadableShare * withSomeone) return null;
        return Find(frames, framesPerSecond, settings) is { Cycles.Count: >= 2 } trace
            && trace.Cycles.Count > counter.Reps.Count ? trace : null;
    }

    /// <summary>
    /// The frames as the rep counter sees them (<see cref="KeypointSmoother"/>: One-Euro smoothing, left/right swaps
    /// undone, a joint lost for under <see cref="CounterSettings.JointCarrySeconds"/> carried at its last place), each
    /// joint scored 1 when seen and 0 when not, and per frame the trunk's size in the picture as a natural logarithm
    /// (a change of 0.1 is the body looking 10 % nearer or farther; null where no trunk is seen). From straight above,
    /// the pose barely changes shape in a push-up: the body comes nearer and goes away, which only its size shows.
    /// </summary>
    private static (List<PoseFrame> Frames, double?[] LogTorso) Smoothed(IReadOnlyList<PoseFrame> frames,
        CounterSettings settings)
    {
        var smoother = KeypointSmoother.Empty;
        var result = new List<PoseFrame>(frames.Count);
        var logTorso = new double?[frames.Count];
        foreach (var frame in frames)
        {
            smoother = smoother.Next(frame, settings);
            var seen = smoother.SeenWithin(settings.JointCarrySeconds);
            var pixels = smoother.Points.Select(p => p * frame.ImageHeight).ToArray();
            result.Add(frame with { Keypoints = [.. pixels.Select((p, i) =>
                new Keypoint(p.X, p.Y, seen[i] ? 1 : 0))] });
            if (CompiledExercise.Trunk(pixels, seen) is { } trunk) logTorso[result.Count - 1] = Math.Log(trunk.Torso);
        }
        return (result, logTorso);
    }

    private static List<MotionCycle> Follow(IReadOnlyList<double> times, double[] s, RangeSettings settings)
    {
        var cycles = new List<MotionCycle>();
        var range = SignalRange.Empty;
        double? start = null, peakTime = null, peakValue = null;
        var reachedPeak = false;
        double? cycleWindowFrom = null;
        for (var t = 0; t < s.Length; t++)
        {
            range = range.Add(times[t], s[t], settings.WindowSeconds, cycleWindowFrom);
            var (low, high) = range.Extremes(settings.ExtremePercentile);
            if (high - low < MinTravel) continue;
            var progress = (s[t] - low) / (high - low);
            if (start is null)
            {
                if (progress > settings.BeginFraction)
                {
                    start = times[Math.Max(0, t - 1)];
                    cycleWindowFrom = start - settings.WindowSeconds;
                    peakTime = times[t];
                    peakValue = s[t];
                    reachedPeak = progress >= settings.PeakFraction;
                }
                continue;
            }
            if (s[t] > peakValue)
            {
                peakValue = s[t];
                peakTime = times[t];
            }
            reachedPeak |= progress >= settings.PeakFraction;
            if (progress > settings.BeginFraction) continue;
            if (reachedPeak) cycles.Add(new MotionCycle(start.Value, peakTime!.Value, times[t]));
            start = null;
            cycleWindowFrom = null;
        }
        return cycles;
    }

    private static double[] Project(double[][] series, double[] direction)
    {
        var projected = new double[series[0].Length];
        for (var t = 0; t < projected.Length; t++)
            for (var d = 0; d < series.Length; d++) projected[t] += series[d][t] * direction[d];
        return projected;
    }

    /// <summary>The covariance of the series (each already centred by the detrending).</summary>
    private static double[,] Covariance(double[][] series)
    {
        var dims = series.Length;
        var n = series[0].Length;
        var cov = new double[dims, dims];
        for (var a = 0; a < dims; a++)
            for (var b = a; b < dims; b++)
            {
                double sum = 0;
                for (var t = 0; t < n; t++) sum += series[a][t] * series[b][t];
                cov[a, b] = cov[b, a] = sum / n;
            }
        return cov;
    }

    /// <summary>The unit direction of largest variance of a covariance matrix (power iteration).</summary>
    private static double[] Dominant(double[,] cov)
    {
        var dims = cov.GetLength(0);
        // Started from the coordinate that varies most, which the main direction cannot be orthogonal to (a start
        // of all ones could be, for a motion whose left and right sides mirror each other).
        var widest = Enumerable.Range(0, dims).MaxBy(d => cov[d, d]);
        var v = new double[dims];
        v[widest] = 1;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var next = new double[dims];
            for (var a = 0; a < dims; a++)
                for (var b = 0; b < dims; b++) next[a] += cov[a, b] * v[b];
            var norm = Math.Sqrt(next.Sum(x => x * x));
            if (norm < 1e-12) return v;
            for (var a = 0; a < dims; a++) next[a] /= norm;
            v = next;
        }
        return v;
    }
}
