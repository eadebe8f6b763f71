using System.Numerics;

namespace PoseGen.Core.Library;

/// <summary>
/// Points produced by forward kinematics: joint centres, face points, and foot/hand points used for ground contact.
/// </summary>
public enum BodyPoint
{
    Pelvis, Waist, NeckBase, HeadCenter, Nose, LeftEye, RightEye, LeftEar, RightEar,
    LeftShoulder, LeftElbow, LeftWrist, LeftHand, RightShoulder, RightElbow, RightWrist, RightHand,
    LeftHip, LeftKnee, LeftAnkle, LeftHeel, LeftToe, RightHip, RightKnee, RightAnkle, RightHeel, RightToe,
}

/// <summary>
/// A posed body in metres. World frame: X = the subject's left when the pose is authored (facing the front camera),
/// Y = up, Z = towards the front camera; right-handed. After grounding the floor is the plane Y = 0.
/// </summary>
public sealed record Body3D(IReadOnlyList<Vector3> Points, BodyProportions Proportions)
{
    public const int PointCount = 27;

    public Vector3 this[BodyPoint p] => Points[(int)p];

    public Body3D Translate(Vector3 offset) => this with { Points = Points.Select(p => p + offset).ToArray() };

    /// <summary>
    /// Rotates the body about the vertical axis through the pelvis; positive degrees turn it to its own left.
    /// </summary>
    public Body3D RotateYaw(double degrees)
    {
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)(degrees * Math.PI / 180));
        var pivot = this[BodyPoint.Pelvis];
        return this with { Points = Points.Select(p => Vector3.Transform(p - pivot, q) + pivot).ToArray() };
    }
}

/// <summary>
/// The bones drawn and length-checked: parent point, child point, and their nominal length from the proportions.
/// </summary>
public static class Bones
{
    public static readonly IReadOnlyList<(BodyPoint From, BodyPoint To)> Limbs =
    [
        (BodyPoint.LeftShoulder, BodyPoint.LeftElbow), (BodyPoint.LeftElbow, BodyPoint.LeftWrist),
        (BodyPoint.LeftWrist, BodyPoint.LeftHand),
        (BodyPoint.RightShoulder, BodyPoint.RightElbow), (BodyPoint.RightElbow, BodyPoint.RightWrist),
        (BodyPoint.RightWrist, BodyPoint.RightHand),
        (BodyPoint.LeftHip, BodyPoint.LeftKnee), (BodyPoint.LeftKnee, BodyPoint.LeftAnkle),
        (BodyPoint.RightHip, BodyPoint.RightKnee), (BodyPoint.RightKnee, BodyPoint.RightAnkle),
        (BodyPoint.NeckBase, BodyPoint.HeadCenter),
    ];

    public static double NominalLength(BodyPoint from, BodyPoint to, BodyProportions b) => (from, to) switch
    {
        (BodyPoint.LeftShoulder or BodyPoint.RightShoulder, _) => b.UpperArm,
        (BodyPoint.LeftElbow or BodyPoint.RightElbow, _) => b.Forearm,
        // The hand point is the palm centre, 40 % of the hand length beyond the wrist.
        (BodyPoint.LeftWrist or BodyPoint.RightWrist, _) => 0.4 * b.Hand,
        (BodyPoint.LeftHip or BodyPoint.RightHip, _) => b.Thigh,
        (BodyPoint.LeftKnee or BodyPoint.RightKnee, _) => b.Shank,
        (BodyPoint.NeckBase, _) => b.Neck,
        _ => throw new ArgumentOutOfRangeException(nameof(from), $"{from}-{to} is not a bone."),
    };
}
