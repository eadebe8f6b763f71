namespace PoseGen.Core.Poses.Alignment;

/// <summary>
/// Aligns a candidate pose onto a reference pose by a torso-anchored robust fit: only the torso joints (neck,
/// shoulders, hips) drive the transform, so a bent knee or a raised arm stays visible after alignment instead of being
/// averaged into the camera change. Robustness: every minimal anchor subset (the torso has at most five anchors, so the
/// enumeration is exhaustive and deterministic, unlike random RANSAC) seeds a Tukey-biweight IRLS; the refined fits are
/// ranked by MSAC cost (Torr and Zisserman 2000) plus a small torso-shape penalty. With fewer anchors than the model
/// needs, the model steps down (perspective → affine → similarity); with fewer than two torso anchors, every shared
/// joint anchors.
/// </summary>
public static class PoseAligner
{
    public static AlignmentResult? Align(Pose reference, Pose candidate, AlignmentOptions? options = null) =>
        Align(reference.Keypoints, candidate.Keypoints, KeypointLayout.Coco17, options);

    /// <returns>The alignment, or null when the two poses share fewer than two seen joints.</returns>
    public static AlignmentResult? Align(IReadOnlyList<Keypoint> reference, IReadOnlyList<Keypoint> candidate,
        KeypointLayout layout, AlignmentOptions? options = null)
    {
        options ??= AlignmentOptions.Default;
        if (reference.Count != layout.Count || candidate.Count != layout.Count)
            throw new ArgumentException($"Both poses must have the {layout.Count} keypoints of layout {layout.Name}.");
        var torso = BodyFrame.TorsoLength(reference, layout, options.MinScore);
        var direct = AlignOnce(reference, candidate, layout, options, torso, mirrored: false);
        if (!options.TryMirror) return direct;
        var mirror = AlignOnce(reference, BodyFrame.Mirror(candidate, layout), layout, options, torso, mirrored: true);
        if (direct is null) return mirror;
        if (mirror is null) return direct;
        // Mirroring must win clearly (and by more than detector noise) so a symmetric pose is never reported as
        // mirrored.
        var better = mirror.BodyError < options.MirrorPreference * direct.BodyError
            && direct.BodyError - mirror.BodyError > 0.01;
        return better ? mirror with { UnmirroredBodyError = direct.BodyError } : direct;
    }

    private static AlignmentResult? AlignOnce(IReadOnlyList<Keypoint> reference, IReadOnlyList<Keypoint> candidate,
        KeypointLayout layout, AlignmentOptions options, double torso, bool mirrored)
    {
        var candidateTorso = BodyFrame.TorsoLength(candidate, layout, options.MinScore);
        var anchors = Shared(reference, candidate, layout.TorsoAnchors, options.MinScore);
        // Two shoulders a few pixels apart (hips unseen, body side-on) fix no rotation or scale: then, as with fewer
        // than two torso anchors, every shared joint anchors.
        var allJoints = anchors.Count < 2 || Extent(candidate, anchors) < MinimalSpread * candidateTorso;
        if (allJoints) anchors = Shared(reference, candidate, Enumerable.Range(0, layout.Count), options.MinScore);
        if (anchors.Count < 2) return null;
        var model = options.Model;
        while (model > AlignmentModel.Similarity && anchors.Count < TransformFit.MinimalPoints(model)) model--;

        var points = anchors.Select(i => Pair(reference[i], candidate[i])).ToArray();
        var tau = options.OutlierThreshold * torso;
        var body = Shared(reference, candidate, Enumerable.Range(0, layout.Count).Except(anchors), options.MinScore)
            .Select(i => Pair(reference[i], candidate[i])).ToArray();
        var fit = RobustFit(model, points, body, candidate, options, torso, candidateTorso);
        while (fit is null && model > AlignmentModel.Similarity)
            fit = RobustFit(--model, points, body, candidate, options, torso, candidateTorso);
        // Every robust hypothesis was degenerate (a torso seen exactly edge-on): the plain similarity of all anchors is
        // the least harmful answer.
        fit ??= TransformFit.Similarity(points);
        if (fit is null) return null;
        var transform = fit.Value;

        var centre = CentreDenominator(transform, candidate, options.MinScore);
        var aligned = candidate.Select(k => Map(transform, k, centre)).ToArray();
        var rejected = new List<int>();
        double anchorSum = 0, weightSum = 0;
        for (var a = 0; a < anchors.Count; a++)
        {
            var r = Residual(transform, points[a]);
            if (r > tau) rejected.Add(anchors[a]);
            else { anchorSum += points[a].W * r * r; weightSum += points[a].W; }
        }
        var anchorError = weightSum > 0 ? Math.Sqrt(anchorSum / weightSum) / torso : 0;
        return new AlignmentResult(options.Model, model, transform, mirrored, aligned, anchors, rejected, anchorError,
            BodyError(reference, aligned, options.MinScore, torso), null, torso) { UsedAllJoints = allJoints };
    }

    /// <param name="torso">Reference torso length: the unit of the outlier threshold and of the shape penalty.</param>
    /// <param name="candidateTorso">Candidate torso length, the unit of the ridge (see
    /// <see cref="AlignmentOptions.ShapePrior"/>).</param>
    /// <param name="body">The other shared joints: never fitted, only used to break ties between torso
    /// hypotheses.</param>
    private static PlanarTransform? RobustFit(AlignmentModel model, Correspondence[] points, Correspondence[] body,
        IReadOnlyList<Keypoint> candidate, AlignmentOptions options, double torso, double candidateTorso)
    {
        var tau = options.OutlierThreshold * torso;
        double Ridge(IEnumerable<Correspondence> sample) => sample.Sum(p => p.W)
            * Math.Pow(options.ShapePrior * candidateTorso, 2);
        // MSAC cost (Torr and Zisserman 2000) plus a shape penalty of at most a quarter outlier, so that of two equally
        // good fits the one that distorts the torso less wins, but a strong real camera change never costs an anchor.
        double Cost(PlanarTransform h)
        {
            var cost = model == AlignmentModel.Similarity || options.ShapePrior <= 0
                ? 0.0 : 0.25 * tau * tau * Math.Min(TransformFit.NonSimilarity(h), 1);
            foreach (var p in points) cost += p.W * Math.Min(Math.Pow(Residual(h, p), 2), tau * tau);
            return cost;
        }

        // Starting points: the plain fit, every minimal sample of the model (affine ones ridge-regularised, so three
        // nearly collinear anchors give a near-similarity instead of an arbitrary shear) and, for the larger models,
        // similarities from well-spread pairs: a side view puts the anchors in two clusters (shoulders, hips) where
        // only a 4-parameter map is determined.
        var starts = new List<PlanarTransform?> { TransformFit.Fit(model, points, Ridge(points)) };
        var minimal = TransformFit.MinimalPoints(model);
        if (points.Length > minimal)
            foreach (var subset in Subsets(points.Length, minimal))
            {
                var sample = subset.Select(i => points[i]).ToArray();
                if (model == AlignmentModel.Affine) starts.Add(TransformFit.Affine(sample, Ridge(sample)));
                else if (Spread(sample) >= MinimalSpread * candidateTorso) starts.Add(TransformFit.Fit(model, sample));
            }
        if (model != AlignmentModel.Similarity && points.Length > 2)
            foreach (var pair in Subsets(points.Length, 2))
            {
                var sample = pair.Select(i => points[i]).ToArray();
                if (Spread(sample) >= MinimalSpread * candidateTorso) starts.Add(TransformFit.Similarity(sample));
            }

        // Inliers are decided by unregularised IRLS (a ridge-biased map would misread a strong camera turn as
        // outliers); the ridge only shapes the final fit on those inliers, where it keeps an edge-on torso from
        // amplifying noise.
        var refined = new List<(PlanarTransform Map, Correspondence[] Weights, double Cost)>();
        foreach (var start in starts)
            if (start is { } s && Admissible(s, candidate, options.MinScore))
            {
                var (map, weights) = Refine(model, s, points, candidate, options, tau, Ridge(points));
                // A map whose inliers all sit in one cluster (neck and shoulders of a side view) says nothing about the
                // rest of the body, however well it fits them.
                var inliers = points.Where(p => Residual(map, p) <= tau).ToArray();
                if (inliers.Length >= 2 && Spread(inliers) >= 0.4 * MinimalSpread * candidateTorso)
                    refined.Add((map, weights, Cost(map)));
            }
        if (refined.Count == 0) return null;

        // With neck and shoulders nearly on a line an affine map fits either hip as the odd one out equally well; among
        // refined fits within a tenth of an outlier of the best, the rest of the body (capped at half a torso per
        // joint, so a genuinely different limb cannot dominate) decides. The body never enters a fit.
        var best = refined.Min(h => h.Cost);
        var chosen = refined.Where(h => h.Cost <= best + (0.1 * tau * tau)).MinBy(h => BodyCost(h.Map, body, torso));
        return model == AlignmentModel.Affine && options.ShapePrior > 0
            && TransformFit.Affine(chosen.Weights, Ridge(chosen.Weights)) is { } final
            ? final : chosen.Map;
    }

    /// <summary>
    /// Tukey-biweight IRLS (cut-off tau) from <paramref name="start"/>, unregularised unless the inliers are
    /// degenerate; returns the settled map and the last robust weights.
    /// </summary>
    private static (PlanarTransform Map, Correspondence[] Weights) Refine(AlignmentModel model, PlanarTransform start,
        Correspondence[] points, IReadOnlyList<Keypoint> candidate, AlignmentOptions options, double tau, double ridge)
    {
        var current = start;
        var weighted = points.ToArray();
        var minimal = TransformFit.MinimalPoints(model);
        for (var iteration = 0; iteration < options.RobustIterations; iteration++)
        {
            var active = 0;
            var next = new Correspondence[points.Length];
            for (var i = 0; i < points.Length; i++)
            {
                var u = Residual(current, points[i]) / tau;
                var tukey = u < 1 ? Math.Pow(1 - (u * u), 2) : 0;
                next[i] = points[i] with { W = points[i].W * tukey };
                if (tukey > 0) active++;
            }
            if (active < minimal) break;
            var fit = TransformFit.Fit(model, next) ?? TransformFit.Fit(model, next, ridge);
            if (fit is not { } map || !Admissible(map, candidate, options.MinScore)) break;
            var change = points.Max(p => Distance(map.Apply(p.X, p.Y), current.Apply(p.X, p.Y)));
            (current, weighted) = (map, next);
            if (change < 1e-9 * tau) break;
        }
        return (current, weighted);
    }

    private static double BodyCost(PlanarTransform t, Correspondence[] body, double torso)
    {
        var cap = 0.25 * torso * torso;
        return body.Sum(p => p.W * Math.Min(Math.Pow(Residual(t, p), 2), cap));
    }

    /// <summary>
    /// A camera change squashes the body by at most <see cref="MaxAnisotropy"/> in one direction relative to the other
    /// (an 84° turn); a map beyond that is a fit to a torso seen edge-on and would throw the limbs anywhere, so it is
    /// refused and a smaller model is used. A reflection is refused too: a mirrored photo is handled by
    /// <see cref="AlignmentOptions.TryMirror"/>, with the left/right labels swapped, never by a flip hidden in the map.
    /// A homography must also keep every seen candidate joint on the same side of its horizon as the body's centre and
    /// foreshorten the body by at most 3x (|w / w_centre| in [1/3, 3]).
    /// </summary>
    private static bool Admissible(PlanarTransform t, IReadOnlyList<Keypoint> candidate, double minScore)
    {
        var sum = (t.M00 * t.M00) + (t.M01 * t.M01) + (t.M10 * t.M10) + (t.M11 * t.M11);
        var det = (t.M00 * t.M11) - (t.M01 * t.M10);
        if (det <= 0) return false;
        var root = Math.Sqrt(Math.Max((sum * sum) - (4 * det * det), 0));
        var (largest, smallest) = (Math.Sqrt((sum + root) / 2), Math.Sqrt(Math.Max((sum - root) / 2, 0)));
        if (!(smallest * MaxAnisotropy >= largest)) return false;
        if (t.M20 == 0 && t.M21 == 0) return true;
        var centre = CentreDenominator(t, candidate, minScore);
        foreach (var k in candidate)
        {
            if (!BodyFrame.IsSeen(k, minScore)) continue;
            var ratio = t.Denominator(k.X, k.Y) / centre;
            if (!(ratio >= 1.0 / 3 && ratio <= 3)) return false;
        }
        return true;
    }

    private const double MaxAnisotropy = 10;

    private static double CentreDenominator(PlanarTransform t, IReadOnlyList<Keypoint> candidate, double minScore)
    {
        var seen = candidate.Where(k => BodyFrame.IsSeen(k, minScore)).ToList();
        return seen.Count == 0 ? t.M22 : t.Denominator(seen.Average(k => k.X), seen.Average(k => k.Y));
    }

    /// <summary>
    /// Full-body fit after alignment: mean over shared joints of (distance / torso)², each capped at 1.
    /// </summary>
    private static double BodyError(IReadOnlyList<Keypoint> reference, IReadOnlyList<Keypoint> aligned, double minScore,
        double torso)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < reference.Count; i++)
        {
            if (!BodyFrame.IsSeen(reference[i], minScore) || !BodyFrame.IsSeen(aligned[i], minScore)) continue;
            var d = Distance((aligned[i].X, aligned[i].Y), (reference[i].X, reference[i].Y)) / torso;
            sum += Math.Min(d * d, 1);
            n++;
        }
        return n == 0 ? 1 : sum / n;
    }

    private static List<int> Shared(IReadOnlyList<Keypoint> reference, IReadOnlyList<Keypoint> candidate,
        IEnumerable<int> joints,
        double minScore) =>
        [.. joints.Where(i => BodyFrame.IsSeen(reference[i], minScore) && BodyFrame.IsSeen(candidate[i], minScore))];

    private static Correspondence Pair(Keypoint reference, Keypoint candidate) =>
        new(candidate.X, candidate.Y, reference.X, reference.Y, Math.Sqrt(reference.Score * candidate.Score));

    /// <summary>
    /// Maps one keypoint; a point beyond the homography's horizon (w of the other sign) has no image: score 0.
    /// </summary>
    private static Keypoint Map(PlanarTransform t, Keypoint k, double centreDenominator)
    {
        if (t.Denominator(k.X, k.Y) / centreDenominator <= 0) return k with { Score = 0 };
        var (x, y) = t.Apply(k.X, k.Y);
        return new Keypoint((float)x, (float)y, k.Score);
    }

    private static double Residual(PlanarTransform t, Correspondence p) => Distance(t.Apply(p.X, p.Y), (p.U, p.V));

    private static double Distance((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    /// <summary>
    /// A minimal sample must span the body in every direction: two anchors closer than this many candidate torso
    /// lengths (neck and one shoulder), or three nearly on a line (neck and both shoulders), give a map that is exact
    /// on the sample and arbitrary everywhere else.
    /// </summary>
    private const double MinimalSpread = 0.25;

    /// <summary>
    /// Size of a sample in its thinnest direction: the distance for two points, otherwise twice the root of the
    /// smallest eigenvalue of the points' scatter matrix (candidate units).
    /// </summary>
    internal static double Spread(IReadOnlyList<Correspondence> sample)
    {
        if (sample.Count == 2) return Math.Sqrt(Math.Pow(sample[0].X - sample[1].X, 2)
            + Math.Pow(sample[0].Y - sample[1].Y, 2));
        double mx = sample.Average(p => p.X), my = sample.Average(p => p.Y);
        double sxx = sample.Average(p => (p.X - mx) * (p.X - mx)), syy = sample.Average(p => (p.Y - my) * (p.Y - my));
        var sxy = sample.Average(p => (p.X - mx) * (p.Y - my));
        var smallest = ((sxx + syy) / 2) - Math.Sqrt((Math.Pow(sxx - syy, 2) / 4) + (sxy * sxy));
        return 2 * Math.Sqrt(Math.Max(smallest, 0));
    }

    /// <summary>Largest distance between two of the given candidate joints.</summary>
    private static double Extent(IReadOnlyList<Keypoint> candidate, List<int> joints) =>
        joints.SelectMany(a => joints.Select(b => Math.Sqrt(Math.Pow(candidate[a].X - candidate[b].X, 2)
            + Math.Pow(candidate[a].Y - candidate[b].Y, 2))))
            .DefaultIfEmpty(0).Max();

    /// <summary>All k-element index subsets of 0..n-1 in lexicographic order.</summary>
    internal static IEnumerable<int[]> Subsets(int n, int k)
    {
        var index = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])index.Clone();
            var i = k - 1;
            while (i >= 0 && index[i] == n - k + i) i--;
            if (i < 0) yield break;
            index[i]++;
            for (var j = i + 1; j < k; j++) index[j] = index[j - 1] + 1;
        }
    }
}
