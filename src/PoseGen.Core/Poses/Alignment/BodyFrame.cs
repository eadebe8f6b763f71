namespace PoseGen.Core.Poses.Alignment;

/// <summary>Body-relative measures of one pose in its own image coordinates (x right, y down, any unit).</summary>
public static class BodyFrame
{
    /// <summary>Keypoint confidence at or below which a joint counts as not seen.</summary>
    public const double DefaultMinScore = 0.2;

    public static bool IsSeen(Keypoint k, double minScore = DefaultMinScore) =>
        k.Score > minScore && float.IsFinite(k.X) && float.IsFinite(k.Y);

    public static bool TryGet(IReadOnlyList<Keypoint> pose, KeypointLayout layout, BodyJoint joint,
        out Keypoint keypoint,
        double minScore = DefaultMinScore)
    {
        var i = layout.IndexOf(joint);
        keypoint = i >= 0 && i < pose.Count ? pose[i] : default;
        return i >= 0 && i < pose.Count && IsSeen(keypoint, minScore);
    }

    /// <summary>Mean of the seen joints among <paramref name="joints"/>, or null when none is seen.</summary>
    public static (double X, double Y)? Midpoint(IReadOnlyList<Keypoint> pose, KeypointLayout layout, double minScore,
        params BodyJoint[] joints)
    {
        double x = 0, y = 0;
        var n = 0;
        foreach (var joint in joints)
            if (TryGet(pose, layout, joint, out var k, minScore)) { x += k.X; y += k.Y; n++; }
        return n == 0 ? null : (x / n, y / n);
    }

    public static (double X, double Y)? ShoulderCentre(IReadOnlyList<Keypoint> pose, KeypointLayout layout,
        double minScore = DefaultMinScore) =>
        Midpoint(pose, layout, minScore, BodyJoint.LeftShoulder, BodyJoint.RightShoulder)
        ?? Midpoint(pose, layout, minScore, BodyJoint.Neck);

    public static (double X, double Y)? HipCentre(IReadOnlyList<Keypoint> pose, KeypointLayout layout,
        double minScore = DefaultMinScore) =>
        Midpoint(pose, layout, minScore, BodyJoint.LeftHip, BodyJoint.RightHip);

    /// <summary>
    /// Torso length (shoulder centre to hip centre) in the pose's units: the body-relative unit for distances, because
    /// it barely changes with the pose. Falls back to a third of the seen keypoints' box diagonal (a standing adult is
    /// about three torso lengths tall), and to 1 when fewer than two joints are seen.
    /// </summary>
    public static double TorsoLength(IReadOnlyList<Keypoint> pose, KeypointLayout layout,
        double minScore = DefaultMinScore)
    {
        if (ShoulderCentre(pose, layout, minScore) is { } s && HipCentre(pose, layout, minScore) is { } h)
        {
            var length = Math.Sqrt(((s.X - h.X) * (s.X - h.X)) + ((s.Y - h.Y) * (s.Y - h.Y)));
            if (length > 0) return length;
        }
        var seen = pose.Where(k => IsSeen(k, minScore)).ToList();
        if (seen.Count < 2) return 1;
        var w = seen.Max(k => k.X) - seen.Min(k => k.X);
        var hgt = seen.Max(k => k.Y) - seen.Min(k => k.Y);
        var diagonal = Math.Sqrt((w * w) + (hgt * hgt));
        return diagonal > 0 ? diagonal / 3 : 1;
    }

    /// <summary>
    /// The same person seen in a horizontally mirrored image, relabelled: joint i takes the position of its mirror
    /// joint with x negated. A detector run on a mirrored photo (selfie preview) calls the person's right arm "left";
    /// this undoes both the flip and the swap, up to a translation the alignment absorbs.
    /// </summary>
    public static Keypoint[] Mirror(IReadOnlyList<Keypoint> pose, KeypointLayout layout)
    {
        var mirrored = new Keypoint[pose.Count];
        for (var i = 0; i < pose.Count; i++)
        {
            var source = pose[layout.MirrorOf(i)];
            mirrored[i] = source with { X = -source.X };
        }
        return mirrored;
    }
}
