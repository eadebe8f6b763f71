namespace PoseGen.Core.Poses;

/// <summary>A ground-truth keypoint: pixels of the upright image and COCO visibility (0 = not labelled).</summary>
public readonly record struct LabelledKeypoint(float X, float Y, int Visibility)
{
    public bool IsLabelled => Visibility > 0;
}

/// <summary>
/// Standard keypoint accuracy measures, comparing a predicted pose with a labelled one of the same person.
/// </summary>
public static class PoseAccuracy
{
    /// <summary>
    /// COCO's per-keypoint OKS sigmas (cocodataset.org/#keypoints-eval, also in pycocotools), in
    /// <see cref="CocoKeypoint"/> order.
    /// </summary>
    public static IReadOnlyList<float> CocoSigmas { get; } =
        [0.026f, 0.025f, 0.025f, 0.035f, 0.035f, 0.079f, 0.079f, 0.072f, 0.072f, 0.062f, 0.062f, 0.107f, 0.107f, 0.087f,
         0.087f, 0.089f, 0.089f];

    /// <summary>
    /// Object keypoint similarity as pycocotools computes it: mean over labelled keypoints of
    /// exp(-d^2 / (2 * area * (2 sigma)^2)), with d in pixels and <paramref name="area"/> the person's area in pixels^2
    /// (segment area in COCO). NaN when nothing is labelled.
    /// </summary>
    public static double Oks(IReadOnlyList<Keypoint> predicted, IReadOnlyList<LabelledKeypoint> truth, double area)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        CheckCounts(predicted, truth);
        double sum = 0;
        var labelled = 0;
        for (var i = 0; i < CocoKeypoints.Count; i++)
        {
            if (!truth[i].IsLabelled)
                continue;
            var variance = Math.Pow(2 * CocoSigmas[i], 2);
            var dx = predicted[i].X - truth[i].X;
            var dy = predicted[i].Y - truth[i].Y;
            sum += Math.Exp(-(dx * dx + dy * dy) / (variance * (area + double.Epsilon) * 2));
            labelled++;
        }
        return labelled == 0 ? double.NaN : sum / labelled;
    }

    /// <summary>
    /// Torso size for PCK: the left-shoulder to right-hip distance (the "torso diameter" of Toshev and Szegedy's
    /// PCP/PCK evaluation), or the other diagonal when one of those is not labelled. Null when neither diagonal is
    /// labelled.
    /// </summary>
    public static double? TorsoSize(IReadOnlyList<LabelledKeypoint> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return Diagonal(truth, CocoKeypoint.LeftShoulder, CocoKeypoint.RightHip)
            ?? Diagonal(truth, CocoKeypoint.RightShoulder, CocoKeypoint.LeftHip);
    }

    /// <summary>
    /// How many labelled keypoints the prediction puts within <paramref name="fraction"/> x torso size of the truth
    /// (PCK@0.2 uses 0.2), and how many are labelled. Counts are (0, labelled) when the torso is not labelled.
    /// </summary>
    public static (int Correct, int Labelled) PckCounts(
        IReadOnlyList<Keypoint> predicted, IReadOnlyList<LabelledKeypoint> truth, double fraction = 0.2)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        CheckCounts(predicted, truth);
        var torso = TorsoSize(truth);
        int correct = 0, labelled = 0;
        for (var i = 0; i < CocoKeypoints.Count; i++)
        {
            if (!truth[i].IsLabelled)
                continue;
            labelled++;
            if (torso is { } t && Distance(predicted[i].X, predicted[i].Y, truth[i].X, truth[i].Y) <= fraction * t)
                correct++;
        }
        return (correct, labelled);
    }

    private static double? Diagonal(IReadOnlyList<LabelledKeypoint> truth, CocoKeypoint a, CocoKeypoint b)
    {
        var p = truth[(int)a];
        var q = truth[(int)b];
        return p.IsLabelled && q.IsLabelled ? Distance(p.X, p.Y, q.X, q.Y) : null;
    }

    private static double Distance(float x1, float y1, float x2, float y2)
    {
        double dx = x1 - x2, dy = y1 - y2;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private static void CheckCounts(IReadOnlyList<Keypoint> predicted, IReadOnlyList<LabelledKeypoint> truth)
    {
        if (predicted.Count != CocoKeypoints.Count || truth.Count != CocoKeypoints.Count)
            throw new ArgumentException($"Both poses need {CocoKeypoints.Count} COCO keypoints.");
    }
}
