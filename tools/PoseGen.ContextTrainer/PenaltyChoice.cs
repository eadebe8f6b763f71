using PoseGen.Core.Context.Scene;

namespace PoseGen.ContextTrainer;

/// <summary>
/// Picks the L2 penalty by grouped 3-fold cross-validation on the photos it is given: the log-likelihood of the
/// held-out photos' accepted labels (the log of the probability given to any of them), a tie going to the larger
/// penalty, the simpler model. Top-1 hits were the criterion until session 12: on 90 photos they moved in steps of one
/// photo, and the choice flipped between runs whose features barely differed (environment: penalty 1 in 27 rounds, then
/// in 47); the log-likelihood chose one penalty in 89 of 90 rounds (bench/RESULTS.md, "Context as a model"). Called
/// once per leave-one-out round on that round's training photos only, so the reported leave-one-out figures include the
/// choice (nested), and once on all photos for the model that is written.
/// </summary>
internal static class PenaltyChoice
{
    /// <summary>
    /// scikit-learn's default (1) to thirty times it, about half a decade apart: 1 and 10 were the two values measured
    /// before this choice was automated; 3 and 30 were added with the log-likelihood criterion.
    /// </summary>
    public static readonly double[] Candidates = [1, 3, 10, 30];

    private const int Folds = 3;

    public static double Choose(IReadOnlyList<int> photos, Func<int, string> groupOf, IReadOnlyList<double[]> features,
        Func<int, string[]> accepted, string target, double minConfidence)
    {
        var groups = photos.Select(groupOf).Distinct().ToList();
        var fold = photos.ToDictionary(i => i, i => groups.IndexOf(groupOf(i)) % Folds);
        var best = (Lambda: Candidates[0], LogLikelihood: double.NegativeInfinity);
        foreach (var lambda in Candidates)
        {
            var logLikelihood = 0.0;
            for (var f = 0; f < Folds; f++)
            {
                var train = photos.Where(i => fold[i] != f).ToList();
                var model = LogisticRegression.Fit(target, "", [.. train.Select(i => features[i])],
                    [.. train.Select(i => accepted(i)[0])],
                    SceneFeatures.Names, minConfidence, lambda);
                foreach (var i in photos.Where(i => fold[i] == f))
                {
                    var p = model.Predict(features[i]);
                    var labels = accepted(i);
                    var likelihood = Enumerable.Range(0, p.Length).Where(k => labels.Contains(model.Labels[k]))
                        .Sum(k => p[k]);
                    logLikelihood += Math.Log(Math.Max(likelihood, 1e-9));
                }
            }
            if (logLikelihood >= best.LogLikelihood)
                best = (lambda, logLikelihood);
        }
        return best.Lambda;
    }
}
