using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Poses.Similarity;

public enum BodySide { Left, Right, Centre }

public enum AngleKind
{
    /// <summary>Shoulder-elbow-wrist: 180° straight arm.</summary>
    Elbow,

    /// <summary>Hip-shoulder-elbow: 0° arm along the body, 90° at shoulder height, 180° overhead.</summary>
    Shoulder,

    /// <summary>Shoulder-hip-knee: 180° straight body, smaller = folded at the hip.</summary>
    Hip,

    /// <summary>Hip-knee-ankle: 180° straight leg.</summary>
    Knee,

    /// <summary>
    /// Hip centre to shoulder centre against the image vertical, signed in the body's frame (see
    /// <see cref="LeanPlane"/>).
    /// </summary>
    TrunkLean,
}

/// <summary>
/// Which way a trunk lean is measured: sideways (camera sees the chest or the back) or forward (side view).
/// </summary>
public enum LeanPlane
{
    /// <summary>Positive = the upper body leans toward the person's own left.</summary>
    Lateral,

    /// <summary>Positive = the upper body leans forward (toward where the face points).</summary>
    Sagittal,
}

/// <summary>
/// An interior angle at <see cref="Vertex"/> between the segments to <see cref="From"/> and <see cref="To"/>.
/// </summary>
public sealed record AngleDefinition(AngleKind Kind, BodySide Side, BodyJoint From, BodyJoint Vertex, BodyJoint To)
{
    public string Name => $"{Side.ToString().ToLowerInvariant()}_{Kind.ToString().ToLowerInvariant()}";
}

/// <summary>A trunk lean in degrees, in the body's own frame.</summary>
public readonly record struct TrunkLean(LeanPlane Plane, double Degrees, double Confidence);

public static class JointAngles
{
    public static IReadOnlyList<AngleDefinition> Definitions { get; } =
    [
        new(AngleKind.Elbow, BodySide.Left, BodyJoint.LeftShoulder, BodyJoint.LeftElbow, BodyJoint.LeftWrist),
        new(AngleKind.Elbow, BodySide.Right, BodyJoint.RightShoulder, BodyJoint.RightElbow, BodyJoint.RightWrist),
        new(AngleKind.Shoulder, BodySide.Left, BodyJoint.LeftHip, BodyJoint.LeftShoulder, BodyJoint.LeftElbow),
        new(AngleKind.Shoulder, BodySide.Right, BodyJoint.RightHip, BodyJoint.RightShoulder, BodyJoint.RightElbow),
        new(AngleKind.Hip, BodySide.Left, BodyJoint.LeftShoulder, BodyJoint.LeftHip, BodyJoint.LeftKnee),
        new(AngleKind.Hip, BodySide.Right, BodyJoint.RightShoulder, BodyJoint.RightHip, BodyJoint.RightKnee),
        new(AngleKind.Knee, BodySide.Left, BodyJoint.LeftHip, BodyJoint.LeftKnee, BodyJoint.LeftAnkle),
        new(AngleKind.Knee, BodySide.Right, BodyJoint.RightHip, BodyJoint.RightKnee, BodyJoint.RightAnkle),
    ];

    /// <summary>
    /// Interior angle in degrees [0, 180] and the weakest confidence of its three joints, or null if one is unseen.
    /// </summary>
    public static (double Degrees, double Confidence)? Measure(IReadOnlyList<Keypoint> pose, KeypointLayout layout,
        AngleDefinition angle, double minScore = BodyFrame.DefaultMinScore)
    {
        if (!BodyFrame.TryGet(pose, layout, angle.From, out var a, minScore)
            || !BodyFrame.TryGet(pose, layout, angle.Vertex, out var b, minScore)
            || !BodyFrame.TryGet(pose, layout, angle.To, out var c, minScore))
            return null;
        double ux = a.X - b.X, uy = a.Y - b.Y, vx = c.X - b.X, vy = c.Y - b.Y;
        if ((ux == 0 && uy == 0) || (vx == 0 && vy == 0)) return null;
        var degrees = Math.Abs(Math.Atan2((ux * vy) - (uy * vx), (ux * vx) + (uy * vy))) * 180 / Math.PI;
        return (degrees, Math.Min(a.Score, Math.Min(b.Score, c.Score)));
    }

    /// <summary>
    /// Trunk lean of a pose in its own upright image (x right, y down). Image lean = angle of hip centre → shoulder
    /// centre from the image vertical, positive toward image right. When the shoulders are clearly apart (at least 0.3
    /// torso lengths across the image) the camera sees the chest or the back: the left shoulder on image right means
    /// the person faces the camera, so image right is their left; otherwise it is a side view and the nose (or an ear)
    /// tells which way is forward. Null when the torso or the facing cannot be seen.
    /// </summary>
    public static TrunkLean? Lean(IReadOnlyList<Keypoint> pose, KeypointLayout layout,
        double minScore = BodyFrame.DefaultMinScore)
    {
        if (BodyFrame.ShoulderCentre(pose, layout, minScore) is not { } s
            || BodyFrame.HipCentre(pose, layout, minScore) is not { } h)
            return null;
        double tx = s.X - h.X, ty = s.Y - h.Y;
        var length = Math.Sqrt((tx * tx) + (ty * ty));
        if (length == 0) return null;
        var imageLean = Math.Atan2(tx, -ty) * 180 / Math.PI;
        var hasShoulders = BodyFrame.TryGet(pose, layout, BodyJoint.LeftShoulder, out var ls, minScore)
            & BodyFrame.TryGet(pose, layout, BodyJoint.RightShoulder, out var rs, minScore);
        if (hasShoulders && Math.Abs(ls.X - rs.X) >= 0.3 * length)
            return new TrunkLean(LeanPlane.Lateral, ls.X > rs.X ? imageLean : -imageLean, Math.Min(ls.Score, rs.Score));
        var face = BodyFrame.Midpoint(pose, layout, minScore, BodyJoint.Nose)
            ?? BodyFrame.Midpoint(pose, layout, minScore, BodyJoint.LeftEar, BodyJoint.RightEar, BodyJoint.LeftEye,
                BodyJoint.RightEye);
        if (face is not { } f || Math.Abs(f.X - s.X) < 0.05 * length) return null;
        return new TrunkLean(LeanPlane.Sagittal, f.X > s.X ? imageLean : -imageLean, 1.0);
    }
}
