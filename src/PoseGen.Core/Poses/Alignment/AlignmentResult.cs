namespace PoseGen.Core.Poses.Alignment;

/// <summary>
/// A candidate pose mapped into the reference image. <see cref="AlignedCandidate"/> is in the reference's pixels and,
/// when <see cref="Mirrored"/>, carries the mirrored candidate's labels (see <see cref="BodyFrame.Mirror"/>).
/// </summary>
public sealed record AlignmentResult(
    AlignmentModel RequestedModel,
    AlignmentModel Model,
    PlanarTransform Transform,
    bool Mirrored,
    IReadOnlyList<Keypoint> AlignedCandidate,
    IReadOnlyList<int> Anchors,
    IReadOnlyList<int> RejectedAnchors,
    double AnchorError,
    double BodyError,
    double? UnmirroredBodyError,
    double ReferenceTorso)
{
    /// <summary>True when the torso did not have enough joints and every shared joint was used as an anchor.</summary>
    public bool UsedAllJoints { get; init; }
}
