namespace PoseGen.Core.Poses.Alignment;

public sealed record AlignmentOptions
{
    public AlignmentModel Model { get; init; } = AlignmentModel.Similarity;

    /// <summary>
    /// Also fit the mirrored candidate (<see cref="BodyFrame.Mirror"/>) and keep it when it fits clearly better.
    /// </summary>
    public bool TryMirror { get; init; } = true;

    /// <summary>Keypoint confidence at or below which a joint is treated as missing.</summary>
    public double MinScore { get; init; } = BodyFrame.DefaultMinScore;

    /// <summary>
    /// Anchor residual, in reference torso lengths, beyond which an anchor counts as an outlier (MSAC truncation and
    /// the Tukey cut-off). 0.2 torso lengths is several times a detector's typical torso error and well below a wrong
    /// joint.
    /// </summary>
    public double OutlierThreshold { get; init; } = 0.2;

    public int RobustIterations { get; init; } = 10;

    /// <summary>
    /// Shape prior, in torso lengths: an affine fit is pulled toward the similarity fit as if every anchor also said
    /// "keep the torso's shape" with this much positional slack (ridge = Σw (prior · candidate torso)²). It also breaks
    /// ties between robust hypotheses in favour of the one that distorts the torso least. 0 disables both.
    /// </summary>
    public double ShapePrior { get; init; } = 0.05;

    /// <summary>
    /// The mirrored fit is kept only when its full-body cost is below this fraction of the unmirrored one.
    /// </summary>
    public double MirrorPreference { get; init; } = 0.7;

    public static AlignmentOptions Default { get; } = new();
}
