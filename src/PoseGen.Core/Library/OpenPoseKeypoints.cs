using PoseGen.Core.Poses;

namespace PoseGen.Core.Library;

/// <summary>The 18-point OpenPose (COCO-18) layout used by ControlNet: COCO-17 reordered plus a neck between the shoulders.</summary>
public static class OpenPoseKeypoints
{
    public const int Count = 18;

    public static readonly IReadOnlyList<string> Names =
    [
        "nose", "neck", "r_shoulder", "r_elbow", "r_wrist", "l_shoulder", "l_elbow", "l_wrist", "r_hip", "r_knee",
        "r_ankle", "l_hip", "l_knee", "l_ankle", "r_eye", "l_eye", "r_ear", "l_ear",
    ];

    /// <summary>COCO index for each OpenPose slot; -1 marks the neck, which is the mean of the shoulders.</summary>
    private static readonly int[] FromCocoIndex =
    [
        (int)CocoKeypoint.Nose, -1, (int)CocoKeypoint.RightShoulder, (int)CocoKeypoint.RightElbow, (int)CocoKeypoint.RightWrist,
        (int)CocoKeypoint.LeftShoulder, (int)CocoKeypoint.LeftElbow, (int)CocoKeypoint.LeftWrist, (int)CocoKeypoint.RightHip,
        (int)CocoKeypoint.RightKnee, (int)CocoKeypoint.RightAnkle, (int)CocoKeypoint.LeftHip, (int)CocoKeypoint.LeftKnee,
        (int)CocoKeypoint.LeftAnkle, (int)CocoKeypoint.RightEye, (int)CocoKeypoint.LeftEye, (int)CocoKeypoint.RightEar,
        (int)CocoKeypoint.LeftEar,
    ];

    public static IReadOnlyList<Keypoint> FromCoco(Pose pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var (l, r) = (pose[CocoKeypoint.LeftShoulder], pose[CocoKeypoint.RightShoulder]);
        var neck = new Keypoint((l.X + r.X) / 2, (l.Y + r.Y) / 2, Math.Min(l.Score, r.Score));
        return FromCocoIndex.Select(i => i < 0 ? neck : pose.Keypoints[i]).ToArray();
    }
}
