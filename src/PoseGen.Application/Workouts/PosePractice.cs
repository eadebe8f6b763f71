using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Feedback;
using PoseGen.Core.Poses.Similarity;

namespace PoseGen.Application.Workouts;

/// <summary>The pose a practice session holds: a library pose seen from one side, as 17 COCO keypoints.</summary>
public sealed record PoseReference(string PoseId, string Name, string View, IReadOnlyList<Keypoint> Keypoints);

/// <summary>One frame compared with the reference: the 0-100 match, the correction that matters most, and the reference
/// drawn where the person is (its keypoints aligned onto the frame, in frame pixels) for the ghost skeleton.</summary>
public sealed record PracticeFrame(double Score, string? Correction, float[]? Ghost);

/// <summary>
/// Live pose practice: each frame is compared with the reference pose as the Compare page compares two photos
/// (alignment that allows a mirrored pose, OKS and joint angles, corrections in words). The score feeds the "hold"
/// exercise of the catalog, whose check asks for a match of at least 80 for the hold timer to run.
/// </summary>
public static class PosePractice
{
    public static PracticeFrame? Compare(PoseReference reference, IReadOnlyList<Keypoint> frame, bool withGhost)
    {
        if (PoseComparer.Compare(reference.Keypoints, frame, KeypointLayout.Coco17) is not { } similarity)
            return null;
        var gains = CorrectionEffect.ScoreGains(reference.Keypoints, frame, similarity);
        var correction = FeedbackWriter.Describe(similarity, gains).Corrections.FirstOrDefault()?.Text;
        float[]? ghost = null;
        // The other way round: the reference aligned onto the person, so the ghost stands where they stand.
        if (withGhost && PoseAligner.Align(frame, reference.Keypoints, KeypointLayout.Coco17) is { } onto)
            ghost = [.. onto.AlignedCandidate.SelectMany(k => new[] { MathF.Round(k.X, 1), MathF.Round(k.Y, 1),
                MathF.Round(k.Score, 2) })];
        return new PracticeFrame(Math.Round(similarity.Score, 1), correction, ghost);
    }
}
