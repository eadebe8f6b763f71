using System.ComponentModel.DataAnnotations;
using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Web.Contracts.Poses;

/// <summary>
/// POST /api/v1/poses/compare as JSON: two poses in PoseGen's keypoint format (17 COCO keypoints each).
/// </summary>
public sealed record CompareKeypointsRequest(
    [Required, MinLength(17), MaxLength(17)] IReadOnlyList<NamedKeypoint> Reference,
    [Required, MinLength(17), MaxLength(17)] IReadOnlyList<NamedKeypoint> Candidate,
    AlignmentModel Model = AlignmentModel.Similarity,
    bool Mirror = true);

public sealed record CompareJoint(string Name, double? Distance, double? AngleDeltaDeg);

/// <summary>
/// The comparison: score 0-100 (90+ same pose within detector noise, 70-90 one or two visible corrections, 50-70
/// several joints off, below 50 a different pose), its OKS and angle parts, the alignment model used, whether the
/// candidate fits better mirrored, per-joint errors (distance in reference torso lengths), up to three corrections in
/// plain words, what already matches, and the candidate's keypoints mapped into the reference image's pixels.
/// </summary>
public sealed record CompareResponse(
    Guid Id,
    double Score,
    double Oks,
    double AngleSimilarity,
    bool Mirrored,
    string Model,
    IReadOnlyList<CompareJoint> Joints,
    IReadOnlyList<string> Feedback,
    IReadOnlyList<string> Good,
    string? Note,
    IReadOnlyList<NamedKeypoint> Reference,
    IReadOnlyList<NamedKeypoint> Candidate,
    IReadOnlyList<NamedKeypoint> AlignedCandidate,
    int ReferenceWidth,
    int ReferenceHeight,
    int CandidateWidth,
    int CandidateHeight);
