using PoseGen.Core.Context.Scene;

namespace PoseGen.ContextTrainer;

/// <summary>
/// Picks the L2 penalty by grouped 3-fold cross-validation on the photos it is given (top-1 hits on the held-out folds;
/// a tie goes to the larger penalty, the simpler model). Called once per leave-one-out round on that round's training
/// photos only, so the reported leave-one-out figures include the choice (nested), and once on all photos for the model
/// that is written.
/// </summary>
internal static class PenaltyChoice
{
    /// <summary>
    /// scikit-learn's default (1) and ten times it: the two values measured before this choice was automated.
    /// </summary>
    public static readonly double[] Candidates = [1, 10];

    private const int Folds = 3;

    public static double Choose(IReadOnlyList<int> photos, Func<int, string> groupOf, IReadOnlyList<double[]> features,
        Func<int, string[]> accepted, string target, double minConfidence)
    {
        var groups = photos.Select(groupOf).Distinct().ToList();
        var fold = photos.ToDictionary(i => i, i => groups.IndexOf(groupOf(i)) % Folds);
        var best = (Lambda: Candidates[0], Hits: -1);
        foreach (var lambda in Candidates)
        {
            var hits = 0;
            for (var f = 0; f < Folds; f++)
            {
                var train = photos.Where(i => fold[i] != f).ToList();
                var model = LogisticRegression.Fit(target, "", [.. train.Select(i => features[i])],
                    [.. train.Select(i => accepted(i)[0])],
                    SceneFeatures.Names, minConfidence, lambda);
                foreach (var i in photos.Where(i => fold[i] == f))
                {
                    var p = model.Predict(features[i]);
                    hits += accepted(i).Contains(model.Labels[Array.IndexOf(p, p.Max())]) ? 1 : 0;
                }
            }
            if (hits >= best.Hits)
                best = (lambda, hits);
        }
        return best.Lambda;
    }
}
