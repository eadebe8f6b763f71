using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Poses.Similarity;

public sealed record SimilarityOptions
{
    public AlignmentOptions Alignment { get; init; } = AlignmentOptions.Default;

    /// <summary>
    /// Angle difference (degrees) at which a joint's angle similarity has fallen to exp(-1/2) ≈ 0.61.
    /// </summary>
    public double AngleSigmaDeg { get; init; } = 20;

    /// <summary>
    /// COCO object area s² as a multiple of the squared reference torso length: a standing adult is about 3.4 torso
    /// lengths tall and covers roughly 0.18 of height² (segment area), so s² ≈ 2 T². Derived from the torso rather than
    /// the box so that a crouch scores with the same tolerance as a stand.
    /// </summary>
    public double AreaPerTorsoSquared { get; init; } = 2.0;

    public static SimilarityOptions Default { get; } = new();
}
