namespace PoseGen.Core.Poses.Alignment;

/// <summary>
/// Anatomical joints shared by the skeleton formats PoseGen reads. Left and right are the person's own sides.
/// </summary>
public enum BodyJoint
{
    Nose, Neck, LeftEye, RightEye, LeftEar, RightEar, LeftShoulder, RightShoulder, LeftElbow, RightElbow,
    LeftWrist, RightWrist, LeftHip, RightHip, LeftKnee, RightKnee, LeftAnkle, RightAnkle,
}

/// <summary>
/// Describes one keypoint format: what each index means, which index is its left/right mirror, which joints anchor the
/// torso for alignment, and the per-joint OKS sigma. Everything downstream (alignment, similarity, feedback) works on
/// <see cref="BodyJoint"/> through <see cref="IndexOf"/>, so COCO-17 and OpenPose-18 share one code path.
/// </summary>
public sealed class KeypointLayout
{
    private readonly int[] _indexOf;
    private readonly int[] _mirrorOf;

    private KeypointLayout(string name, IReadOnlyList<(string Name, BodyJoint Joint, double Sigma)> joints)
    {
        Name = name;
        Names = [.. joints.Select(j => j.Name)];
        Joints = [.. joints.Select(j => j.Joint)];
        Sigmas = [.. joints.Select(j => j.Sigma)];
        _indexOf = Enumerable.Repeat(-1, Enum.GetValues<BodyJoint>().Length).ToArray();
        for (var i = 0; i < joints.Count; i++)
            _indexOf[(int)joints[i].Joint] = i;
        _mirrorOf = [.. Joints.Select(j => IndexOf(Mirror(j)))];
        TorsoAnchors = [.. new[] { BodyJoint.Neck, BodyJoint.LeftShoulder, BodyJoint.RightShoulder, BodyJoint.LeftHip,
            BodyJoint.RightHip }
            .Select(IndexOf).Where(i => i >= 0)];
    }

    public string Name { get; }
    public int Count => Names.Count;
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<BodyJoint> Joints { get; }

    /// <summary>
    /// COCO per-keypoint OKS sigmas (Ronchi and Perona; cocoapi). OpenPose's neck borrows the shoulder value.
    /// </summary>
    public IReadOnlyList<double> Sigmas { get; }

    /// <summary>
    /// Indices of the torso joints (neck if present, shoulders, hips): rigid enough to carry the camera change.
    /// </summary>
    public IReadOnlyList<int> TorsoAnchors { get; }

    /// <summary>Index of <paramref name="joint"/> in this layout, or -1 when the format does not have it.</summary>
    public int IndexOf(BodyJoint joint) => _indexOf[(int)joint];

    /// <summary>
    /// Index of the left/right counterpart of index <paramref name="index"/> (itself for central joints).
    /// </summary>
    public int MirrorOf(int index) => _mirrorOf[index];

    public static BodyJoint Mirror(BodyJoint joint) => joint switch
    {
        BodyJoint.Nose or BodyJoint.Neck => joint,
        _ => joint.ToString().StartsWith("Left", StringComparison.Ordinal)
            ? Enum.Parse<BodyJoint>(string.Concat("Right", joint.ToString().AsSpan(4)))
            : Enum.Parse<BodyJoint>(string.Concat("Left", joint.ToString().AsSpan(5))),
    };

    private const double Nose = 0.026, Eye = 0.025, Ear = 0.035, Shoulder = 0.079, Elbow = 0.072, Wrist = 0.062,
        Hip = 0.107, Knee = 0.087, Ankle = 0.089;

    /// <summary>COCO-17 in <see cref="CocoKeypoint"/> order (hips are surface points).</summary>
    public static KeypointLayout Coco17 { get; } = new("coco17",
    [
        ("nose", BodyJoint.Nose, Nose), ("left_eye", BodyJoint.LeftEye, Eye), ("right_eye", BodyJoint.RightEye, Eye),
        ("left_ear", BodyJoint.LeftEar, Ear), ("right_ear", BodyJoint.RightEar, Ear),
        ("left_shoulder", BodyJoint.LeftShoulder, Shoulder), ("right_shoulder", BodyJoint.RightShoulder, Shoulder),
        ("left_elbow", BodyJoint.LeftElbow, Elbow), ("right_elbow", BodyJoint.RightElbow, Elbow),
        ("left_wrist", BodyJoint.LeftWrist, Wrist), ("right_wrist", BodyJoint.RightWrist, Wrist),
        ("left_hip", BodyJoint.LeftHip, Hip), ("right_hip", BodyJoint.RightHip, Hip),
        ("left_knee", BodyJoint.LeftKnee, Knee), ("right_knee", BodyJoint.RightKnee, Knee),
        ("left_ankle", BodyJoint.LeftAnkle, Ankle), ("right_ankle", BodyJoint.RightAnkle, Ankle),
    ]);

    /// <summary>
    /// OpenPose COCO-18 order (Nose, Neck, RShoulder ... LEar); hips are joint centres, the neck is synthetic.
    /// </summary>
    public static KeypointLayout OpenPose18 { get; } = new("openpose18",
    [
        ("nose", BodyJoint.Nose, Nose), ("neck", BodyJoint.Neck, Shoulder),
        ("right_shoulder", BodyJoint.RightShoulder, Shoulder), ("right_elbow", BodyJoint.RightElbow, Elbow),
        ("right_wrist", BodyJoint.RightWrist, Wrist), ("left_shoulder", BodyJoint.LeftShoulder, Shoulder),
        ("left_elbow", BodyJoint.LeftElbow, Elbow), ("left_wrist", BodyJoint.LeftWrist, Wrist),
        ("right_hip", BodyJoint.RightHip, Hip), ("right_knee", BodyJoint.RightKnee, Knee),
        ("right_ankle", BodyJoint.RightAnkle, Ankle), ("left_hip", BodyJoint.LeftHip, Hip),
        ("left_knee", BodyJoint.LeftKnee, Knee), ("left_ankle", BodyJoint.LeftAnkle, Ankle),
        ("right_eye", BodyJoint.RightEye, Eye), ("left_eye", BodyJoint.LeftEye, Eye),
        ("right_ear", BodyJoint.RightEar, Ear), ("left_ear", BodyJoint.LeftEar, Ear),
    ]);
}
