namespace PoseGen.Core.Poses;

/// <summary>The 17 COCO keypoints in MoveNet/COCO order.</summary>
public enum CocoKeypoint
{
    Nose, LeftEye, RightEye, LeftEar, RightEar, LeftShoulder, RightShoulder, LeftElbow, RightElbow,
    LeftWrist, RightWrist, LeftHip, RightHip, LeftKnee, RightKnee, LeftAnkle, RightAnkle,
}

public static class CocoKeypoints
{
    public const int Count = 17;

    /// <summary>snake_case names as used by COCO and the API, in <see cref="CocoKeypoint"/> order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
        "right_ankle",
    ];
}
