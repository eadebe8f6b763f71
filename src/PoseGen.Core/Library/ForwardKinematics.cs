using System.Numerics;

namespace PoseGen.Core.Library;

/// <summary>
/// Turns <see cref="BodyPosture"/> into 3D points. Every segment has a frame; a child frame is parent * local rotation
/// (Hamilton product, local applied first). In a limb's local frame the bone runs along -Y and the subject faces +Z,
/// so flexion is a rotation about X, abduction about Z and axial rotation about Y (see <see cref="JointRotation"/>).
/// The result is not grounded: the pelvis is at the origin.
/// </summary>
public static class ForwardKinematics
{
    private const float Deg = MathF.PI / 180f;

    public static Body3D Solve(BodyPosture angles, BodyProportions body)
    {
        ArgumentNullException.ThrowIfNull(angles);
        ArgumentNullException.ThrowIfNull(body);
        var p = new Vector3[Body3D.PointCount];
        var root = Ry(angles.Root.Yaw) * Rz(-angles.Root.Roll) * Rx(angles.Root.Pitch);

        // Spine in two equal halves (lumbar, thoracic) so backbends and forward folds curve.
        var spine = angles[Joint.Spine];
        var half = Ry(spine.Twist / 2) * Rz(-spine.Side / 2) * Rx(spine.Flex / 2);
        var waistFrame = root * half;
        var chestFrame = waistFrame * half;
        p[(int)BodyPoint.Pelvis] = Vector3.Zero;
        p[(int)BodyPoint.Waist] = Along(waistFrame, 0, (float)body.Trunk / 2, 0);
        p[(int)BodyPoint.NeckBase] = p[(int)BodyPoint.Waist] + Along(chestFrame, 0, (float)body.Trunk / 2, 0);

        var neck = angles[Joint.Neck];
        var head = chestFrame * Ry(neck.Twist) * Rz(-neck.Side) * Rx(neck.Flex);
        var hc = p[(int)BodyPoint.NeckBase] + Along(head, 0, (float)body.Neck, 0);
        p[(int)BodyPoint.HeadCenter] = hc;
        var r = (float)body.HeadRadius;
        // Face points on a head of radius r: nose in front, eyes a little above and to the sides, ears at the sides.
        p[(int)BodyPoint.Nose] = hc + Along(head, 0, -0.15f * r, 1.0f * r);
        p[(int)BodyPoint.LeftEye] = hc + Along(head, 0.45f * r, 0.2f * r, 0.85f * r);
        p[(int)BodyPoint.RightEye] = hc + Along(head, -0.45f * r, 0.2f * r, 0.85f * r);
        p[(int)BodyPoint.LeftEar] = hc + Along(head, 0.95f * r, 0, 0);
        p[(int)BodyPoint.RightEar] = hc + Along(head, -0.95f * r, 0, 0);

        var sw = (float)body.ShoulderWidth / 2;
        Arm(p, angles, body, chestFrame, p[(int)BodyPoint.NeckBase] + Along(chestFrame, sw, 0, 0), left: true);
        Arm(p, angles, body, chestFrame, p[(int)BodyPoint.NeckBase] + Along(chestFrame, -sw, 0, 0), left: false);
        var hw = (float)body.HipWidth / 2;
        Leg(p, angles, body, root, Along(root, hw, 0, 0), left: true);
        Leg(p, angles, body, root, Along(root, -hw, 0, 0), left: false);
        return new Body3D(p, body);
    }

    private static void Arm(Vector3[] p, BodyPosture a, BodyProportions b, Quaternion chest, Vector3 shoulderAt,
        bool left)
    {
        var s = a[left ? Joint.LeftShoulder : Joint.RightShoulder];
        var upper = chest * Limb(s, left);
        var fore = upper * Rx(-a[left ? Joint.LeftElbow : Joint.RightElbow].Flex);
        var elbow = shoulderAt + Along(upper, 0, -(float)b.UpperArm, 0);
        var wrist = elbow + Along(fore, 0, -(float)b.Forearm, 0);
        p[(int)(left ? BodyPoint.LeftShoulder : BodyPoint.RightShoulder)] = shoulderAt;
        p[(int)(left ? BodyPoint.LeftElbow : BodyPoint.RightElbow)] = elbow;
        p[(int)(left ? BodyPoint.LeftWrist : BodyPoint.RightWrist)] = wrist;
        p[(int)(left ? BodyPoint.LeftHand : BodyPoint.RightHand)] = wrist + Along(fore, 0, -0.4f * (float)b.Hand, 0);
    }

    private static void Leg(Vector3[] p, BodyPosture a, BodyProportions b, Quaternion root, Vector3 hipAt, bool left)
    {
        var thigh = root * Limb(a[left ? Joint.LeftHip : Joint.RightHip], left);
        var shank = thigh * Rx(a[left ? Joint.LeftKnee : Joint.RightKnee].Flex);
        var foot = shank * Rx(-a[left ? Joint.LeftAnkle : Joint.RightAnkle].Flex);
        var knee = hipAt + Along(thigh, 0, -(float)b.Thigh, 0);
        var ankle = knee + Along(shank, 0, -(float)b.Shank, 0);
        var ah = (float)b.AnkleHeight;
        p[(int)(left ? BodyPoint.LeftHip : BodyPoint.RightHip)] = hipAt;
        p[(int)(left ? BodyPoint.LeftKnee : BodyPoint.RightKnee)] = knee;
        p[(int)(left ? BodyPoint.LeftAnkle : BodyPoint.RightAnkle)] = ankle;
        // Heel 0.2 foot lengths behind the ankle, ball of the foot 0.6 in front, both at the sole.
        p[(int)(left ? BodyPoint.LeftHeel : BodyPoint.RightHeel)] = ankle
            + Along(foot, 0, -ah, -0.2f * (float)b.FootLength);
        p[(int)(left ? BodyPoint.LeftToe : BodyPoint.RightToe)] = ankle
            + Along(foot, 0, -ah, 0.6f * (float)b.FootLength);
    }

    /// <summary>
    /// Local rotation of a ball joint: axial rotation, then abduction, then flexion (mirrored for the right side).
    /// </summary>
    private static Quaternion Limb(JointRotation r, bool left)
    {
        var side = left ? 1 : -1;
        return Rx(-r.Flex) * Rz(side * r.Side) * Ry(side * r.Twist);
    }

    private static Vector3 Along(Quaternion frame, float x, float y, float z) =>
        Vector3.Transform(new Vector3(x, y, z), frame);

    private static Quaternion Rx(double deg) => Quaternion.CreateFromAxisAngle(Vector3.UnitX, (float)deg * Deg);
    private static Quaternion Ry(double deg) => Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)deg * Deg);
    private static Quaternion Rz(double deg) => Quaternion.CreateFromAxisAngle(Vector3.UnitZ, (float)deg * Deg);
}
