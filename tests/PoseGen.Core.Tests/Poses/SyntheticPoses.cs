using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Tests.Poses;

/// <summary>
/// Hand-built COCO-17 poses in pixels (x right, y down) for alignment, similarity and feedback tests.
/// </summary>
internal static class SyntheticPoses
{
    /// <summary>A person standing upright facing the camera, arms hanging: their left side is on image right.</summary>
    public static Keypoint[] Standing() =>
    [
        new(200, 60, 0.9f), new(208, 52, 0.9f), new(192, 52, 0.9f), new(218, 56, 0.9f), new(182, 56, 0.9f),
        new(240, 110, 0.9f), new(160, 110, 0.9f), new(250, 180, 0.9f), new(150, 180, 0.9f),
        new(255, 245, 0.9f), new(145, 245, 0.9f), new(225, 250, 0.9f), new(175, 250, 0.9f),
        new(228, 340, 0.9f), new(172, 340, 0.9f), new(230, 430, 0.9f), new(170, 430, 0.9f),
    ];

    public static Pose AsPose(Keypoint[] keypoints) => new(keypoints, 0.9f, new BoundingBox(100, 40, 200, 400));

    /// <summary>
    /// Rotates <paramref name="joints"/> about <paramref name="pivot"/> by degrees (positive = clockwise on screen).
    /// </summary>
    public static Keypoint[] Rotate(Keypoint[] pose, CocoKeypoint pivot, double degrees, params CocoKeypoint[] joints)
    {
        var result = (Keypoint[])pose.Clone();
        var p = pose[(int)pivot];
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        foreach (var j in joints)
        {
            double dx = pose[(int)j].X - p.X, dy = pose[(int)j].Y - p.Y;
            result[(int)j] = pose[(int)j] with { X = (float)(p.X + (dx * c) - (dy * s)),
                Y = (float)(p.Y + (dx * s) + (dy * c)) };
        }
        return result;
    }

    public static Keypoint[] BendKnee(Keypoint[] pose, bool left, double degrees) => left
        ? Rotate(pose, CocoKeypoint.LeftKnee, -degrees, CocoKeypoint.LeftAnkle)
        : Rotate(pose, CocoKeypoint.RightKnee, degrees, CocoKeypoint.RightAnkle);

    /// <summary>Raises an arm sideways, outward from the body, by the given angle from hanging.</summary>
    public static Keypoint[] RaiseArm(Keypoint[] pose, bool left, double degrees) => left
        ? Rotate(pose, CocoKeypoint.LeftShoulder, -degrees, CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist)
        : Rotate(pose, CocoKeypoint.RightShoulder, degrees, CocoKeypoint.RightElbow, CocoKeypoint.RightWrist);

    /// <summary>
    /// Tilts everything above the hips about the hip centre (positive = top moves toward image right).
    /// </summary>
    public static Keypoint[] LeanUpperBody(Keypoint[] pose, double degrees)
    {
        var hips = new Keypoint((pose[11].X + pose[12].X) / 2, (pose[11].Y + pose[12].Y) / 2, 1);
        var withCentre = pose.Append(hips).ToArray();
        var upper = Enumerable.Range(0, 11).Select(i => (CocoKeypoint)i).ToArray();
        return Rotate(withCentre, (CocoKeypoint)17, degrees, upper)[..17];
    }

    /// <summary>The same scene in a horizontally flipped image, labels kept (the person seen from behind).</summary>
    public static Keypoint[] FlipImage(Keypoint[] pose, float width = 400) =>
        [.. pose.Select(k => k with { X = width - k.X })];

    /// <summary>
    /// A mirrored photo as a detector reports it: image flipped and, since it labels by appearance, sides swapped.
    /// </summary>
    public static Keypoint[] MirroredPhoto(Keypoint[] pose, float width = 400)
    {
        var flipped = FlipImage(pose, width);
        return [.. Enumerable.Range(0, pose.Length).Select(i => flipped[KeypointLayout.Coco17.MirrorOf(i)])];
    }

    public static Keypoint[] Transform(Keypoint[] pose, PlanarTransform t) =>
        [.. pose.Select(k => { var (x, y) = t.Apply(k.X, k.Y); return k with { X = (float)x, Y = (float)y }; })];
}
