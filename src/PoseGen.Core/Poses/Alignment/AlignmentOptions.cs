namespace PoseGen.Core.Poses.Alignment;

/// <summary>
/// How a pose is aligned onto another. None of these values was fitted to the fixtures: each is as first committed
/// with the aligner (0ce19a3, 8da32d8), from the reasoning beside it, and has not changed since. The alignment protocol
/// on fixtures/poses (torso MSE 49x below the seed's, bench/RESULTS.md "Alignment", which reports the shape prior on
/// and off, not a search over values) and the nine fixture photo pairs (ROC AUC 1.000) check them; with nothing
/// fitted there is no leave-one-out figure to give.
/// </summary>
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

    /// <summary>Tukey-biweight reweighting rounds per robust hypothesis at most: a design cap, not fitted; a refinement
    /// stops earlier once the map no longer moves.</summary>
    public int RobustIterations { get; init; } = 10;

    /// <summary>
    /// Shape prior, in torso lengths: an affine fit is pulled toward the similarity fit as if every anchor also said
    /// "keep the torso's shape" with this much positional slack (ridge = Σw (prior · candidate torso)²). It also breaks
    /// ties between robust hypotheses in favour of the one that distorts the torso least. 0 disables both.
    /// </summary>
    public double ShapePrior { get; init; } = 0.05;

    /// <summary>
    /// The mirrored fit is kept only when its full-body error is under this share of the direct fit's: a design margin
    /// (clearly better, 30 %), not fitted; no fixture pair is mirrored, so no data here speaks for or against it.
    /// </summary>
    public double MirrorPreference { get; init; } = 0.7;

    public static AlignmentOptions Default { get; } = new();
}
