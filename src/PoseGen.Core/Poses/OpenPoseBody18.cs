namespace PoseGen.Core.Poses;

/// <summary>
/// OpenPose's 18-joint COCO body layout (as ControlNet's OpenPose annotator uses it): COCO's 17 keypoints reordered,
/// plus a neck at the mean of the shoulders.
/// </summary>
public static class OpenPoseBody18
{
    public const int Count = 18;

    public static readonly IReadOnlyList<string> Names =
    [
        "nose", "neck", "r_shoulder", "r_elbow", "r_wrist", "l_shoulder", "l_elbow", "l_wrist", "r_hip", "r_knee",
        "r_ankle", "l_hip", "l_knee", "l_ankle", "r_eye", "l_eye", "r_ear", "l_ear",
    ];

    /// <summary>For each OpenPose joint, the COCO keypoint it is; -1 for the neck, which COCO does not have.</summary>
    public static readonly IReadOnlyList<int> FromCoco =
    [
        (int)CocoKeypoint.Nose, -1, (int)CocoKeypoint.RightShoulder, (int)CocoKeypoint.RightElbow,
        (int)CocoKeypoint.RightWrist, (int)CocoKeypoint.LeftShoulder, (int)CocoKeypoint.LeftElbow,
        (int)CocoKeypoint.LeftWrist, (int)CocoKeypoint.RightHip, (int)CocoKeypoint.RightKnee,
        (int)CocoKeypoint.RightAnkle, (int)CocoKeypoint.LeftHip, (int)CocoKeypoint.LeftKnee,
        (int)CocoKeypoint.LeftAnkle,
        (int)CocoKeypoint.RightEye, (int)CocoKeypoint.LeftEye, (int)CocoKeypoint.RightEar, (int)CocoKeypoint.LeftEar,
    ];

    /// <summary>
    /// The 18 OpenPose joints of a COCO pose. A joint scoring below <paramref name="threshold"/> is (0, 0, 0),
    /// OpenPose's "not detected"; the neck is the shoulders' mean (score: the lower of the two) when both pass, else
    /// (0, 0, 0).
    /// </summary>
    public static Keypoint[] Convert(IReadOnlyList<Keypoint> coco, float threshold)
    {
        ArgumentNullException.ThrowIfNull(coco);
        if (coco.Count != CocoKeypoints.Count)
            throw new ArgumentException($"Expected {CocoKeypoints.Count} COCO keypoints, got {coco.Count}.",
                nameof(coco));
        var result = new Keypoint[Count];
        for (var i = 0; i < Count; i++)
        {
            var source = FromCoco[i];
            if (source >= 0)
            {
                var k = coco[source];
                result[i] = k.Score >= threshold ? k : default;
                continue;
            }
            var left = coco[(int)CocoKeypoint.LeftShoulder];
            var right = coco[(int)CocoKeypoint.RightShoulder];
            result[i] = left.Score >= threshold && right.Score >= threshold
                ? new Keypoint((left.X + right.X) / 2, (left.Y + right.Y) / 2, Math.Min(left.Score, right.Score))
                : default;
        }
        return result;
    }
}
