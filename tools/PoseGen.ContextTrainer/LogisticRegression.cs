using PoseGen.Core.Context.Scene;

namespace PoseGen.ContextTrainer;

/// <summary>
/// Multinomial logistic regression with an L2 penalty, fitted by full-batch gradient descent on standardised features:
/// it minimises the class-balanced mean cross-entropy (each photo weighted by n / (labels x photos of its label), as
/// scikit-learn's class_weight="balanced") + lambda / (2n) |w|^2, so lambda 1 is scikit-learn's default (C = 1). The
/// penalty is chosen from <see cref="PenaltyChoice.Candidates"/> by cross-validation on the training photos; the step
/// schedule is fixed.
/// </summary>
internal static class LogisticRegression
{
    private const int Steps = 3000;
    private const double Rate = 0.1;

    public static LinearContextModel Fit(string target, string about, IReadOnlyList<double[]> x,
        IReadOnlyList<string> y,
        IReadOnlyList<string> featureNames, double minConfidence, double lambda)
    {
        var labels = y.Distinct().Order(StringComparer.Ordinal).ToList();
        var d = featureNames.Count;
        var mean = Enumerable.Range(0, d).Select(j => x.Average(r => r[j])).ToArray();
        var scale = Enumerable.Range(0, d).Select(j =>
        {
            var sd = Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
            return sd < 1e-9 ? 1.0 : sd;
        }).ToArray();
        var z = x.Select(r => r.Select((v, j) => (v - mean[j]) / scale[j]).ToArray()).ToList();
        var target1 = y.Select(label => labels.IndexOf(label)).ToArray();
        var w = labels.Select(_ => new double[d]).ToArray();
        var b = new double[labels.Count];
        var n = z.Count;
        // Each label weighs as much as any other, whatever its number of photos: the team's labels are mostly homes,
        // streets and studios, while the photos it must work on (and the fixture scenes) spread over all labels.
        var perLabel = target1.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var weight = target1.Select(t => (double)n / (labels.Count * perLabel[t])).ToArray();
        for (var step = 0; step < Steps; step++)
        {
            var gw = labels.Select(_ => new double[d]).ToArray();
            var gb = new double[labels.Count];
            for (var i = 0; i < n; i++)
            {
                var scores = new double[labels.Count];
                for (var k = 0; k < scores.Length; k++)
                {
                    scores[k] = b[k];
                    for (var j = 0; j < d; j++) scores[k] += w[k][j] * z[i][j];
                }
                var p = LinearContextModel.Softmax(scores);
                for (var k = 0; k < p.Length; k++)
                {
                    var err = (p[k] - (target1[i] == k ? 1 : 0)) * weight[i];
                    gb[k] += err / n;
                    for (var j = 0; j < d; j++) gw[k][j] += err * z[i][j] / n;
                }
            }
            for (var k = 0; k < labels.Count; k++)
            {
                b[k] -= Rate * gb[k];
                for (var j = 0; j < d; j++) w[k][j] -= Rate * (gw[k][j] + (lambda * w[k][j] / n));
            }
        }
        return new LinearContextModel(target, about, labels, featureNames, mean, scale, w, b, minConfidence);
    }
}
