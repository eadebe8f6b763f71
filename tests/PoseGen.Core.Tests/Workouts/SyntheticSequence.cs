using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>
/// Builds a timed keypoint sequence from a script: holds, reps (depth follows (1 - cos) / 2 down and back), walking in
/// or out, absence; then applies Gaussian pixel noise, dropped joints (score 0.05) and left/right swap glitches by
/// time. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticSequence(CameraView view, double fps = 30, int seed = 7)
{
    private readonly List<(double Duration, Func<double, (BodyAngles? Body, double Offset)> At)> _segments = [];
    private readonly List<(double From, double To, int[] Joints)> _drops = [];
    private readonly List<(double From, double To, (int, int)[] Pairs)> _swaps = [];
    private readonly List<(double From, double To, double Value)> _similarity = [];
    private double _noisePixels = 1.5;
    private double? _yaw;

    public double Duration => _segments.Sum(s => s.Duration);

    public SyntheticSequence Hold(double seconds, BodyAngles body) => Add(seconds, _ => (body, 0));

    public SyntheticSequence Hold(double seconds, ExerciseMotion motion, double depth = 0, bool fault = false) =>
        Hold(seconds, motion.Pose(depth, fault));

    public SyntheticSequence Rep(ExerciseMotion motion, double seconds = 2, double depth = 1, bool fault = false) =>
        Add(seconds, u => (motion.Pose(depth * (1 - Math.Cos(2 * Math.PI * u)) / 2, fault), 0));

    public SyntheticSequence Reps(ExerciseMotion motion, int count, double seconds = 2, double pause = 0.3)
    {
        for (var i = 0; i < count; i++) Rep(motion, seconds).Hold(pause, motion);
        return this;
    }

    /// <summary>Goes down to full depth and only a fraction of the way back before the sequence ends.</summary>
    public SyntheticSequence CutOffRep(ExerciseMotion motion, double seconds = 2, double returned = 0.3) =>
        Add(seconds * (0.5 + (returned / 2)), u =>
        {
            var phase = u * (0.5 + (returned / 2));
            return (motion.Pose((1 - Math.Cos(2 * Math.PI * phase)) / 2, false), 0);
        });

    /// <summary>
    /// Walks along the image x axis from <paramref name="from"/> to <paramref name="to"/> (body heights from the
    /// centre).
    /// </summary>
    public SyntheticSequence Walk(double seconds, double from, double to) =>
        Add(seconds, u => (ExerciseMotions.Walking(u * seconds * 2 * Math.PI * 0.9), from + ((to - from) * u)));

    public SyntheticSequence Absent(double seconds) => Add(seconds, _ => (null, 0));

    public SyntheticSequence Noise(double pixels) { _noisePixels = pixels; return this; }

    /// <summary>Films the body from <paramref name="degrees"/> instead of the view's own angle (0 front, 90 side).
    /// </summary>
    public SyntheticSequence Yaw(double degrees) { _yaw = degrees; return this; }

    public SyntheticSequence Drop(double from, double to, params CocoKeypoint[] joints)
    {
        _drops.Add((from, to, [.. joints.Select(j => (int)j)]));
        return this;
    }

    /// <summary>
    /// Swaps the left and right labels of the given pairs (all pairs when none given) between the times.
    /// </summary>
    public SyntheticSequence Swap(double from, double to, params (CocoKeypoint Left, CocoKeypoint Right)[] pairs)
    {
        var all = pairs.Length > 0 ? pairs.Select(p => ((int)p.Left, (int)p.Right))
            : Enumerable.Range(0, 8).Select(i => ((2 * i) + 1, (2 * i) + 2));
        _swaps.Add((from, to, [.. all]));
        return this;
    }

    public SyntheticSequence Similarity(double from, double to, double value)
    {
        _similarity.Add((from, to, value));
        return this;
    }

    public IReadOnlyList<PoseFrame> Build()
    {
        var random = new Random(seed);
        var frames = new List<PoseFrame>();
        var start = 0.0;
        var n = 0;
        foreach (var (duration, at) in _segments)
        {
            for (; n / fps < start + duration - 1e-9; n++)
            {
                var t = n / fps;
                var (body, offset) = at((t - start) / duration);
                var keypoints = body is null ? new Keypoint[CocoKeypoints.Count]
                    : BodyModel.Keypoints(body, view, offset, _yaw);
                frames.Add(new PoseFrame(t, Perturb(keypoints, t, random), BodyModel.ImageWidth, BodyModel.ImageHeight,
                    _similarity.Where(s => t >= s.From && t < s.To).Select(s => (double?)s.Value).LastOrDefault()));
            }
            start += duration;
        }
        return frames;
    }

    private Keypoint[] Perturb(Keypoint[] keypoints, double t, Random random)
    {
        var k = keypoints.Select(p => p with
        {
            X = p.X + (float)(Gaussian(random) * _noisePixels),
            Y = p.Y + (float)(Gaussian(random) * _noisePixels),
        }).ToArray();
        foreach (var (from, to, pairs) in _swaps.Where(s => t >= s.From && t < s.To))
            foreach (var (l, r) in pairs) (k[l], k[r]) = (k[r], k[l]);
        foreach (var (from, to, joints) in _drops.Where(d => t >= d.From && t < d.To))
            foreach (var j in joints) k[j] = k[j] with { Score = 0.05f };
        return k;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private SyntheticSequence Add(double seconds, Func<double, (BodyAngles?, double)> at)
    {
        _segments.Add((seconds, at));
        return this;
    }
}
