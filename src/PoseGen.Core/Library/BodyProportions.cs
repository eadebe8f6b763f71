using PoseGen.Core.Poses;

namespace PoseGen.Core.Library;

/// <summary>
/// Segment lengths of one body in metres, between joint centres. The default ratios to standing height H are the
/// Drillis and Contini (1966) figures as reproduced in Winter, "Biomechanics and Motor Control of Human Movement", fig.
/// 4.1: hip joint at 0.530 H, knee 0.285 H, ankle 0.039 H, shoulder 0.818 H, upper arm 0.186 H, forearm 0.146 H, hand
/// 0.108 H, foot 0.152 H. Joint-centre widths (shoulders 0.22 H, hips 0.105 H) sit inside Winter's bony widths (0.259
/// H, 0.191 H) because the joints are inboard of the acromion and the greater trochanter.
/// </summary>
public sealed record BodyProportions(
    double Height, double Trunk, double Neck, double HeadRadius, double ShoulderWidth, double HipWidth,
    double UpperArm, double Forearm, double Hand, double Thigh, double Shank, double AnkleHeight, double FootLength)
{
    public const double DefaultHeight = 1.70;

    public static BodyProportions Default { get; } = ForHeight(DefaultHeight);

    public static BodyProportions ForHeight(double heightMetres)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heightMetres, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightMetres, 2.6);
        var h = heightMetres;
        // Trunk: hip joint (0.530 H) to neck base at shoulder level (0.818 H). Neck: neck base to head centre (eye
        // level 0.936 H).
        return new BodyProportions(h, 0.288 * h, 0.118 * h, 0.064 * h, 0.22 * h, 0.105 * h,
            0.186 * h, 0.146 * h, 0.108 * h, 0.245 * h, 0.246 * h, 0.039 * h, 0.152 * h);
    }

    /// <summary>
    /// Scales the default ratios by a person's own segment ratios measured on detected 2D keypoints. A 2D segment can
    /// only look shorter than it is (foreshortening), so each segment takes the longer of its left and right sides, the
    /// overall pixel scale is the 75th percentile of measured/default, and each ratio is clamped to ±15 % of the
    /// default: a segment pointing at the camera then falls back to the clamp instead of shrinking the limb.
    /// </summary>
    public static BodyProportions FromKeypoints(Pose pose, double? heightMetres = null, float minScore = 0.3f)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var d = ForHeight(heightMetres ?? DefaultHeight);
        double? Seg(CocoKeypoint a, CocoKeypoint b)
        {
            var (p, q) = (pose[a], pose[b]);
            if (p.Score < minScore || q.Score < minScore) return null;
            return Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)));
        }
        double? Pair(double? l, double? r) => l is null ? r : r is null ? l : Math.Max(l.Value, r.Value);
        static double? Mid(Keypoint a, Keypoint b, Keypoint c, Keypoint e, float min) =>
            a.Score < min || b.Score < min || c.Score < min || e.Score < min ? null
                : Math.Sqrt(Math.Pow(((a.X + b.X) - (c.X + e.X)) / 2, 2)
                    + Math.Pow(((a.Y + b.Y) - (c.Y + e.Y)) / 2, 2));

        var measured = new (double? Pixels, double Default)[]
        {
            (Pair(Seg(CocoKeypoint.LeftShoulder, CocoKeypoint.LeftElbow),
                Seg(CocoKeypoint.RightShoulder, CocoKeypoint.RightElbow)), d.UpperArm),
            (Pair(Seg(CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist),
                Seg(CocoKeypoint.RightElbow, CocoKeypoint.RightWrist)), d.Forearm),
            (Pair(Seg(CocoKeypoint.LeftHip, CocoKeypoint.LeftKnee), Seg(CocoKeypoint.RightHip, CocoKeypoint.RightKnee)),
                d.Thigh),
            (Pair(Seg(CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle),
                Seg(CocoKeypoint.RightKnee, CocoKeypoint.RightAnkle)), d.Shank),
            (Seg(CocoKeypoint.LeftShoulder, CocoKeypoint.RightShoulder), d.ShoulderWidth),
            (Mid(pose[CocoKeypoint.LeftShoulder], pose[CocoKeypoint.RightShoulder], pose[CocoKeypoint.LeftHip],
                pose[CocoKeypoint.RightHip], minScore), d.Trunk),
        };
        var ratios = measured.Where(m => m.Pixels is > 0).Select(m => m.Pixels!.Value / m.Default).OrderBy(r => r)
            .ToArray();
        if (ratios.Length < 3) return d;
        var scale = ratios[(int)Math.Floor(0.75 * (ratios.Length - 1))];
        double Ratio(int i) => measured[i].Pixels is > 0 ? Math.Clamp(
            measured[i].Pixels!.Value / measured[i].Default / scale, 0.85, 1.15) : 1.0;
        return d with
        {
            UpperArm = d.UpperArm * Ratio(0), Forearm = d.Forearm * Ratio(1), Thigh = d.Thigh * Ratio(2),
            Shank = d.Shank * Ratio(3), ShoulderWidth = d.ShoulderWidth * Ratio(4), Trunk = d.Trunk * Ratio(5),
        };
    }
}
