using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

/// <summary>A limb direction: pitch in the sagittal plane in degrees from straight up toward the facing direction
/// (0 up, 90 forward, 180 down, 270 backward) and abduction in degrees away from the body's midline.</summary>
public readonly record struct Limb(double Pitch, double Abduction = 0);

/// <summary>Joint angles of a simple stick body; segment lengths are in units of standing height.</summary>
public sealed record BodyAngles(double Torso, Limb LeftThigh, Limb RightThigh, Limb LeftShin, Limb RightShin,
    Limb LeftUpperArm, Limb RightUpperArm, Limb LeftForearm, Limb RightForearm)
{
    public static BodyAngles Symmetric(double torso, Limb thigh, Limb shin, Limb upperArm, Limb forearm) =>
        new(torso, thigh, thigh, shin, shin, upperArm, upperArm, forearm, forearm);

    public static BodyAngles Standing { get; } = Symmetric(0, new(180, 3), new(180, 3), new(180, 8), new(180, 8));
}

/// <summary>
/// Builds COCO-17 keypoints from <see cref="BodyAngles"/>: the body is placed in 3D (x to the person's left, y up,
/// z forward) with its lowest joint on the floor, then projected orthographically for a side view (person facing image
/// right, with a little depth offset between left and right) or a front view (person facing the camera).
/// </summary>
public static class BodyModel
{
    public const int ImageWidth = 640;
    public const int ImageHeight = 480;
    public const double PixelsPerUnit = 260;
    private const double FloorY = 440;

    private const double Torso = 0.30, Neck = 0.12, UpperArm = 0.17, Forearm = 0.16, Thigh = 0.25, Shin = 0.25;
    private const double HalfShoulders = 0.12, HalfHips = 0.08;

    private readonly record struct P3(double X, double Y, double Z)
    {
        public static P3 operator +(P3 a, P3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
        public static P3 operator *(double k, P3 a) => new(k * a.X, k * a.Y, k * a.Z);
    }

    /// <summary>Pixel positions and scores (far side slightly less confident in side view); offset moves the body
    /// along the image x axis in units of height, for walking in.</summary>
    /// <param name="yawDegrees">When given, the camera instead looks at the body from this angle: 0 from the front,
    /// 90 from the side (the person facing image right), 45 halfway.</param>
    public static Keypoint[] Keypoints(BodyAngles body, CameraView view, double offset = 0, double? yawDegrees = null)
    {
        var joints = Joints(body);
        var floor = joints.Min(j => j.Y);
        var result = new Keypoint[CocoKeypoints.Count];
        for (var i = 0; i < joints.Length; i++)
        {
            var j = joints[i];
            var yaw = (yawDegrees ?? 0) * Math.PI / 180;
            var horizontal = yawDegrees is not null ? (Math.Cos(yaw) * j.X) + (Math.Sin(yaw) * j.Z)
                : view == CameraView.Front ? j.X : j.Z + (0.15 * j.X);
            var x = (ImageWidth / 2.0) + ((horizontal + offset) * PixelsPerUnit);
            var y = FloorY - ((j.Y - floor) * PixelsPerUnit);
            var farSide = (yawDegrees is not null ? yawDegrees > 45 : view == CameraView.Side) && j.X > 0;
            var inside = x is >= 0 and < ImageWidth && y is >= 0 and < ImageHeight;
            result[i] = new Keypoint((float)x, (float)y, inside ? (farSide ? 0.7f : 0.9f) : 0f);
        }
        return result;
    }

    private static P3[] Joints(BodyAngles b)
    {
        var hip = new P3(0, 0, 0);
        var shoulder = hip + (Torso * Dir(new Limb(b.Torso), 0));
        var head = shoulder + (Neck * Dir(new Limb(b.Torso), 0));
        var j = new P3[CocoKeypoints.Count];
        j[(int)CocoKeypoint.Nose] = head;
        j[(int)CocoKeypoint.LeftEye] = head + new P3(0.03, 0.01, 0);
        j[(int)CocoKeypoint.RightEye] = head + new P3(-0.03, 0.01, 0);
        j[(int)CocoKeypoint.LeftEar] = head + new P3(0.07, 0, -0.02);
        j[(int)CocoKeypoint.RightEar] = head + new P3(-0.07, 0, -0.02);
        foreach (var (side, s) in new[] { (1, true), (-1, false) })
        {
            var sh = shoulder + new P3(side * HalfShoulders, 0, 0);
            var hp = hip + new P3(side * HalfHips, 0, 0);
            var elbow = sh + (UpperArm * Dir(s ? b.LeftUpperArm : b.RightUpperArm, side));
            var knee = hp + (Thigh * Dir(s ? b.LeftThigh : b.RightThigh, side));
            j[(int)(s ? CocoKeypoint.LeftShoulder : CocoKeypoint.RightShoulder)] = sh;
            j[(int)(s ? CocoKeypoint.LeftHip : CocoKeypoint.RightHip)] = hp;
            j[(int)(s ? CocoKeypoint.LeftElbow : CocoKeypoint.RightElbow)] = elbow;
            j[(int)(s ? CocoKeypoint.LeftWrist : CocoKeypoint.RightWrist)] = elbow
                + (Forearm * Dir(s ? b.LeftForearm : b.RightForearm, side));
            j[(int)(s ? CocoKeypoint.LeftKnee : CocoKeypoint.RightKnee)] = knee;
            j[(int)(s ? CocoKeypoint.LeftAnkle : CocoKeypoint.RightAnkle)] = knee
                + (Shin * Dir(s ? b.LeftShin : b.RightShin, side));
        }
        return j;
    }

    private static P3 Dir(Limb limb, int side)
    {
        var pitch = limb.Pitch * Math.PI / 180;
        var abduction = limb.Abduction * Math.PI / 180;
        return new P3(side * Math.Sin(abduction), Math.Cos(pitch) * Math.Cos(abduction),
            Math.Sin(pitch) * Math.Cos(abduction));
    }
}
