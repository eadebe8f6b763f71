using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Poses.Similarity;

/// <summary>
/// One angle in both poses. DeltaDeg = candidate - reference; Weight in [0, 1] from the joints' confidences.
/// </summary>
public sealed record AngleComparison(
    string Name, AngleKind Kind, BodySide Side, double ReferenceDeg, double CandidateDeg, double DeltaDeg,
    double Weight)
{
    /// <summary>For <see cref="AngleKind.TrunkLean"/>: the plane both leans were measured in.</summary>
    public LeanPlane? Plane { get; init; }
}

/// <summary>
/// Error of one joint after alignment: Distance in reference torso lengths (null when either pose misses the joint),
/// AngleDeltaDeg for joints that are the vertex of a compared angle (elbows, shoulders, hips, knees).
/// </summary>
public sealed record JointError(string Name, BodyJoint Joint, double? Distance, double? AngleDeltaDeg);

/// <summary>
/// How close a candidate pose is to a reference. <see cref="Score"/> is 0-100, the mean of OKS and angle similarity:
/// 90 and above = the same pose, every joint within about 10° (detector noise);
/// 70-90 = the same pose with one or two visible corrections (20-30° at a joint);
/// 50-70 = the same kind of pose with several joints clearly off;
/// below 50 = a different pose.
/// Checked on the fixture photo pairs (MoveNet thunder keypoints): same-pose pairs 65-91, different poses 12-25
/// (bench/RESULTS.md); on synthetic poses by PoseComparerTests.
/// </summary>
public sealed record PoseSimilarity(
    double Score,
    double Oks,
    double AngleSimilarity,
    AlignmentResult Alignment,
    IReadOnlyList<AngleComparison> Angles,
    IReadOnlyList<JointError> Joints,
    KeypointLayout Layout);
