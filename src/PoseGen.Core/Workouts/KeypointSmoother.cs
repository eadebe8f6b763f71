using System.Numerics;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>
/// Immutable per-joint One-Euro smoothing with left/right swap correction. Positions are converted to image-height
/// units (x / height, y / height) so the filter parameters do not depend on the resolution. Before smoothing, the
/// elbows and wrists, knees and ankles are relabelled so that each limb chain connects to its own parent joint: of the
/// two ways to join the left and right parents to the left and right children, the shorter total is kept when it is
/// clearly shorter. Two crossing segments are always longer than the non-crossing pair, so this undoes the partial
/// left/right swaps pose models make (a knee pair flipped while the hips are not) without relying on earlier frames.
/// Whole-body swaps, which leave every chain intact, are found against the smoothed trunk tracks instead.
/// </summary>
internal sealed class KeypointSmoother
{
    private readonly OneEuroFilter[] _x;
    private readonly OneEuroFilter[] _y;
    private readonly double[] _lastSeen;

    private KeypointSmoother(OneEuroFilter[] x, OneEuroFilter[] y, double[] lastSeen, Vector2[] points, bool[] visible)
    {
        _x = x;
        _y = y;
        _lastSeen = lastSeen;
        Points = points;
        Visible = visible;
    }

    public static KeypointSmoother Empty { get; } = new(
        new OneEuroFilter[CocoKeypoints.Count], new OneEuroFilter[CocoKeypoints.Count],
        Enumerable.Repeat(double.NegativeInfinity, CocoKeypoints.Count).ToArray(),
        new Vector2[CocoKeypoints.Count], new bool[CocoKeypoints.Count]);

    /// <summary>
    /// Smoothed positions after the last frame, image-height units; hold the last value for unseen joints.
    /// </summary>
    public Vector2[] Points { get; }

    /// <summary>Whether each joint was detected (score at or above the minimum) in the last frame.</summary>
    public bool[] Visible { get; }

    /// <summary>Time of the last frame, seconds.</summary>
    public double Time { get; private init; } = double.NegativeInfinity;

    /// <summary>
    /// Whether each joint was detected in the last frame or within <paramref name="seconds"/> before it (its smoothed
    /// position then still stands where it was last seen): <see cref="CounterSettings.JointCarrySeconds"/> for a
    /// measure that picks one side, an exercise's maxGapSeconds for the trunk.
    /// </summary>
    public bool[] SeenWithin(double seconds) =>
        [.. _lastSeen.Select((seen, i) => Visible[i] || Time - seen <= seconds)];

    public KeypointSmoother Next(PoseFrame frame, CounterSettings settings)
    {
        if (frame.Keypoints.Count != CocoKeypoints.Count)
            throw new ArgumentException($"A frame needs {CocoKeypoints.Count} keypoints.", nameof(frame));
        var scale = 1f / Math.Max(1, frame.ImageHeight);
        var raw = new Vector2[CocoKeypoints.Count];
        var seen = new bool[CocoKeypoints.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var k = frame.Keypoints[i];
            raw[i] = new Vector2(k.X * scale, k.Y * scale);
            seen[i] = k.Score >= settings.MinKeypointScore && float.IsFinite(k.X) && float.IsFinite(k.Y);
        }
        var t = frame.TimeSeconds;
        if (IsMirrored(raw, seen, t, settings))
        {
            for (var l = 1; l < CocoKeypoints.Count; l += 2)
            {
                (raw[l], raw[l + 1]) = (raw[l + 1], raw[l]);
                (seen[l], seen[l + 1]) = (seen[l + 1], seen[l]);
            }
        }
        foreach (var (parent, child) in ChainLinks)
        {
            if (seen[parent.L] && seen[parent.R] && seen[child.L] && seen[child.R] &&
                ShouldSwap(raw[parent.L], raw[parent.R], raw[child.L], raw[child.R], settings.SwapRatio))
            {
                (raw[child.L], raw[child.R]) = (raw[child.R], raw[child.L]);
            }
        }
        var x = (OneEuroFilter[])_x.Clone();
        var y = (OneEuroFilter[])_y.Clone();
        var lastSeen = (double[])_lastSeen.Clone();
        var points = (Vector2[])Points.Clone();
        for (var i = 0; i < raw.Length; i++)
        {
            if (!seen[i])
                continue;
            if (!IsTracked(i, t, settings))
            {
                x[i] = default;
                y[i] = default;
            }
            x[i] = x[i].Next(raw[i].X, t, settings.Smoothing);
            y[i] = y[i].Next(raw[i].Y, t, settings.Smoothing);
            lastSeen[i] = t;
            points[i] = new Vector2((float)x[i].Value, (float)y[i].Value);
        }
        return new KeypointSmoother(x, y, lastSeen, points, seen) { Time = t };
    }

    private bool IsTracked(int joint, double time, CounterSettings settings) =>
        _x[joint].IsInitialised && time - _lastSeen[joint] <= settings.JointResetSeconds;

    /// <summary>
    /// A whole-body label swap: the detected shoulders and hips sit much closer to the other side's smoothed tracks (by
    /// at least a quarter torso length in total). Without undoing it, each smoothed joint would glide across the body.
    /// </summary>
    private bool IsMirrored(Vector2[] raw, bool[] seen, double t, CounterSettings settings)
    {
        ReadOnlySpan<int> lefts = [(int)CocoKeypoint.LeftShoulder, (int)CocoKeypoint.LeftHip];
        float keep = 0, swap = 0, torso = 0;
        foreach (var l in lefts)
        {
            var r = l + 1;
            if (!seen[l] || !seen[r] || !IsTracked(l, t, settings) || !IsTracked(r, t, settings)) return false;
            keep += Vector2.Distance(raw[l], Points[l]) + Vector2.Distance(raw[r], Points[r]);
            swap += Vector2.Distance(raw[l], Points[r]) + Vector2.Distance(raw[r], Points[l]);
            torso += Vector2.Distance(Points[l], Points[l == (int)CocoKeypoint.LeftShoulder ? (int)CocoKeypoint.LeftHip
                : (int)CocoKeypoint.LeftShoulder]);
        }
        return swap < keep * settings.SwapRatio && keep - swap > 0.25f * torso / 2;
    }

    private static bool ShouldSwap(Vector2 parentL, Vector2 parentR, Vector2 childL, Vector2 childR, double ratio)
    {
        var keep = Vector2.Distance(parentL, childL) + Vector2.Distance(parentR, childR);
        var swap = Vector2.Distance(parentL, childR) + Vector2.Distance(parentR, childL);
        return swap < keep * ratio;
    }

    /// <summary>Parent and child pairs of the limb chains, relabelled from the trunk outward.</summary>
    private static readonly ((int L, int R) Parent, (int L, int R) Child)[] ChainLinks =
    [
        (Pair(CocoKeypoint.LeftShoulder), Pair(CocoKeypoint.LeftElbow)),
        (Pair(CocoKeypoint.LeftElbow), Pair(CocoKeypoint.LeftWrist)),
        (Pair(CocoKeypoint.LeftHip), Pair(CocoKeypoint.LeftKnee)),
        (Pair(CocoKeypoint.LeftKnee), Pair(CocoKeypoint.LeftAnkle)),
    ];

    /// <summary>A left COCO keypoint and its right twin, which always follows it.</summary>
    private static (int L, int R) Pair(CocoKeypoint left) => ((int)left, (int)left + 1);
}
