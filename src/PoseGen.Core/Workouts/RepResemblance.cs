using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>
/// Whether the cycles a counter found are one movement done again: each cycle's peak pose (the exercise's joints
/// relative to the trunk centre, in torso lengths) is compared with the nearest other cycle's peak pose, as a share of
/// the cycle's own travel from its start pose to its peak. Repetitions of an exercise come back to nearly the same peak
/// (squat bottoms look alike), so the share is small whatever the person's size, speed or range of motion; cycles that
/// a counter finds in a dance peak in a different pose each time, about as far from each other as from their starts.
/// Alternating exercises (a lateral lunge to either side) still match: the nearest other peak is the same side's. The
/// median over the cycles, so one odd rep does not decide.
/// </summary>
public static class RepResemblance
{
    /// <summary>
    /// Design choice, not fitted: a cycle's peak must lie nearer to another cycle's peak than half its own travel. For
    /// the record (bench/RESULTS.md, "Counting on changed recordings"), on the fixture clips and eleven changed
    /// versions of each, the labelled exercises spread at most 0.45 (lightning) and 0.46 (thunder), both with heavy
    /// jitter, and the dance clip's candidates at least 0.61 and 0.64; the bound was not moved for them.
    /// </summary>
    public const double MaxSpread = 0.5;

    /// <summary>
    /// The median over cycles of (distance from its peak pose to the nearest other cycle's peak pose) / (distance from
    /// its peak pose to its start pose), over <paramref name="joints"/> (COCO indices); null with fewer than two cycles
    /// whose poses are seen. <paramref name="frames"/> must be in time order, the reps' times theirs.
    /// </summary>
    public static double? Spread(IReadOnlyList<PoseFrame> frames, IReadOnlyList<RepResult> reps,
        IReadOnlyList<int> joints, double minScore)
    {
        var cycles = reps.Select(r => (Peak: PoseAt(frames, r.PeakS, joints, minScore),
                Start: PoseAt(frames, r.StartS, joints, minScore)))
            .Where(c => c.Peak is not null && c.Start is not null).ToList();
        var ratios = new List<double>();
        for (var i = 0; i < cycles.Count; i++)
        {
            var travel = Distance(cycles[i].Peak!, cycles[i].Start!);
            var nearest = cycles.Where((_, j) => j != i).Select(c => Distance(cycles[i].Peak!, c.Peak!))
                .Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
            if (double.IsFinite(travel) && travel > 1e-6 && double.IsFinite(nearest)) ratios.Add(nearest / travel);
        }
        return ratios.Count < 2 ? null : ExerciseRecognizer.Median(ratios);
    }

    /// <summary>Both sides' indices of an exercise's required joints ("knee" is the left and the right knee).</summary>
    public static IReadOnlyList<int> JointsOf(ExerciseDefinition exercise) =>
        [.. (exercise.RequiredJoints ?? []).SelectMany(n => JointNames.IsSideNeutral(n)
            ? new[] { JointNames.Resolve(n, true), JointNames.Resolve(n, false) }
            : [JointNames.Resolve(n, true)]).Distinct().Order()];

    /// <summary>
    /// Design choice, not fitted: how far from a cycle's peak or start a frame may lie and still stand for it when the
    /// nearest frame misses part of the trunk (a fifth of a second: two frames at the analysis's 10 fps).
    /// </summary>
    private const double NearSeconds = 0.2;

    /// <summary>
    /// The pose at a time, from the nearest frame within <see cref="NearSeconds"/> that sees the whole trunk (both
    /// shoulders and hips), else from the nearest frame: a trunk centre taken from three joints sits elsewhere and
    /// would move every joint of the pose, so one joint missed at a peak could make two alike reps look apart.
    /// </summary>
    private static double[]? PoseAt(IReadOnlyList<PoseFrame> frames, double seconds, IReadOnlyList<int> joints,
        double minScore)
    {
        // Nearest by frames from the nearest one, the earlier of two as near.
        var nearest = At(frames, seconds);
        var (best, bestSteps) = (nearest, int.MaxValue);
        for (var i = At(frames, seconds - NearSeconds); i < frames.Count; i++)
        {
            if (frames[i].TimeSeconds > seconds + NearSeconds) break;
            var steps = Math.Abs(i - nearest);
            if (Math.Abs(frames[i].TimeSeconds - seconds) <= NearSeconds && steps < bestSteps
                && SeesTrunk(frames[i], minScore))
                (best, bestSteps) = (i, steps);
        }
        return Pose(frames[best], joints, minScore);
    }

    private static bool SeesTrunk(PoseFrame frame, double minScore) =>
        CompiledExercise.TrunkJoints.All(j => frame.Keypoints[j].Score >= minScore);

    private static int At(IReadOnlyList<PoseFrame> frames, double seconds)
    {
        int lo = 0, hi = frames.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (frames[mid].TimeSeconds < seconds) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 && seconds - frames[lo - 1].TimeSeconds < frames[lo].TimeSeconds - seconds ? lo - 1 : lo;
    }

    /// <summary>The joints relative to the trunk centre in torso lengths (x, y pairs; NaN where a joint is unseen);
    /// null when the trunk is not seen.</summary>
    private static double[]? Pose(PoseFrame frame, IReadOnlyList<int> joints, double minScore) =>
        CompiledExercise.TrunkPose(frame.Keypoints, minScore) is { } all
            ? [.. joints.SelectMany(j => new[] { all[2 * j], all[(2 * j) + 1] })]
            : null;

    /// <summary>Root mean square over the coordinates seen in both; NaN when fewer than two joints are.</summary>
    private static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (double.IsNaN(a[i]) || double.IsNaN(b[i])) continue;
            sum += (a[i] - b[i]) * (a[i] - b[i]);
            n++;
        }
        return n < 4 ? double.NaN : Math.Sqrt(sum / n);
    }
}
