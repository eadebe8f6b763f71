namespace PoseGen.Core.Poses.Alignment;

/// <summary>
/// One correspondence: candidate point (X, Y) should land on reference point (U, V); W ≥ 0 is its weight.
/// </summary>
public readonly record struct Correspondence(double X, double Y, double U, double V, double W);

/// <summary>
/// Closed-form weighted least-squares fits of the three <see cref="AlignmentModel"/> families. All return null for a
/// degenerate configuration (too few points with weight, coincident or collinear points) instead of a garbage map.
/// </summary>
public static class TransformFit
{
    public static int MinimalPoints(AlignmentModel model) => model switch
    {
        AlignmentModel.Similarity => 2,
        AlignmentModel.Affine => 3,
        _ => 4,
    };

    public static PlanarTransform? Fit(AlignmentModel model, ReadOnlySpan<Correspondence> points, double ridge = 0) =>
        model switch
    {
        AlignmentModel.Similarity => Similarity(points),
        AlignmentModel.Affine => Affine(points, ridge),
        _ => Homography(points),
    };

    /// <summary>
    /// Weighted Procrustes/Umeyama in 2D without reflection. Writing points as complex numbers, the best z' = a z + t
    /// has a = Σ w (u - ū) conj(x - x̄) / Σ w |x - x̄|² (Umeyama 1991 specialised to the plane), t = ū - a x̄.
    /// </summary>
    public static PlanarTransform? Similarity(ReadOnlySpan<Correspondence> points)
    {
        var (mx, my, mu, mv, total) = Means(points);
        if (total <= 0) return null;
        double sxx = 0, re = 0, im = 0;
        foreach (var p in points)
        {
            double x = p.X - mx, y = p.Y - my, u = p.U - mu, v = p.V - mv;
            sxx += p.W * ((x * x) + (y * y));
            re += p.W * ((u * x) + (v * y));
            im += p.W * ((v * x) - (u * y));
        }
        if (sxx <= 1e-12 * total * Spread(points, mx, my)) return null;
        double a = re / sxx, b = im / sxx;
        return PlanarTransform.Affine(a, -b, mu - (a * mx) + (b * my), b, a, mv - (b * mx) - (a * my));
    }

    /// <summary>
    /// Weighted linear least squares for each output row, on centred coordinates for conditioning. A positive
    /// <paramref name="ridge"/> (units: weight x length²) adds ridge · |L - L_sim|² for the linear part L, pulling it
    /// toward the similarity fit of the same points: negligible for a well-spread torso, decisive when the candidate
    /// torso is nearly a line (seen edge-on) and the unregularised map would amplify noise without bound.
    /// </summary>
    public static PlanarTransform? Affine(ReadOnlySpan<Correspondence> points, double ridge = 0)
    {
        var (mx, my, mu, mv, total) = Means(points);
        if (total <= 0) return null;
        double sxx = 0, sxy = 0, syy = 0, sxu = 0, syu = 0, sxv = 0, syv = 0;
        foreach (var p in points)
        {
            double x = p.X - mx, y = p.Y - my, u = p.U - mu, v = p.V - mv;
            sxx += p.W * x * x; sxy += p.W * x * y; syy += p.W * y * y;
            sxu += p.W * x * u; syu += p.W * y * u; sxv += p.W * x * v; syv += p.W * y * v;
        }
        if (ridge > 0 && Similarity(points) is { } prior)
        {
            sxx += ridge; syy += ridge;
            sxu += ridge * prior.M00; syu += ridge * prior.M01; sxv += ridge * prior.M10; syv += ridge * prior.M11;
        }
        var det = (sxx * syy) - (sxy * sxy);
        // Collinear anchors leave the direction across the line undetermined.
        if (det <= 1e-9 * Math.Max((sxx + syy) * (sxx + syy), 1e-300)) return null;
        var a = ((sxu * syy) - (syu * sxy)) / det;
        var b = ((syu * sxx) - (sxu * sxy)) / det;
        var c = ((sxv * syy) - (syv * sxy)) / det;
        var d = ((syv * sxx) - (sxv * sxy)) / det;
        return PlanarTransform.Affine(a, b, mu - (a * mx) - (b * my), c, d, mv - (c * mx) - (d * my));
    }

    /// <summary>
    /// How far the linear part is from a similarity, relative to its scale: |L - nearest similarity|² / (2 s²), 0 for a
    /// similarity, about 0.01 for a 30° turn of the camera, 0.5 for a torso squashed to a third, 0.4 for a 45° shear.
    /// </summary>
    public static double NonSimilarity(PlanarTransform t)
    {
        double p = (t.M00 + t.M11) / 2, q = (t.M10 - t.M01) / 2;
        var scale = (p * p) + (q * q);
        var off = Math.Pow(t.M00 - t.M11, 2) + Math.Pow(t.M01 + t.M10, 2);
        return scale <= 1e-300 ? double.PositiveInfinity : off / (2 * scale);
    }

    /// <summary>
    /// Normalised direct linear transform (Hartley and Zisserman, Multiple View Geometry, algorithm 4.2): both point
    /// sets are moved to centroid 0 and mean distance √2, each correspondence gives two rows of A (scaled by √w), h is
    /// the smallest eigenvector of AᵀA, and the result is denormalised as T_ref⁻¹ H T_cand.
    /// </summary>
    public static PlanarTransform? Homography(ReadOnlySpan<Correspondence> points)
    {
        var used = 0;
        foreach (var p in points) if (p.W > 0) used++;
        if (used < 4) return null;
        var (mx, my, mu, mv, _) = Means(points);
        var sc = Normaliser(points, mx, my, useReference: false);
        var sr = Normaliser(points, mu, mv, useReference: true);
        if (sc <= 0 || sr <= 0) return null;
        var ata = new double[81];
        Span<double> r1 = stackalloc double[9];
        Span<double> r2 = stackalloc double[9];
        foreach (var p in points)
        {
            if (p.W <= 0) continue;
            double x = (p.X - mx) * sc, y = (p.Y - my) * sc, u = (p.U - mu) * sr, v = (p.V - mv) * sr;
            r1[0] = x; r1[1] = y; r1[2] = 1; r1[3] = 0; r1[4] = 0; r1[5] = 0; r1[6] = -u * x; r1[7] = -u
            * y; r1[8] = -u;
            r2[0] = 0; r2[1] = 0; r2[2] = 0; r2[3] = x; r2[4] = y; r2[5] = 1; r2[6] = -v * x; r2[7] = -v
            * y; r2[8] = -v;
            for (var i = 0; i < 9; i++)
                for (var j = 0; j < 9; j++)
                    ata[(i * 9) + j] += p.W * ((r1[i] * r1[j]) + (r2[i] * r2[j]));
        }
        var h = LinearAlgebra.SmallestEigenvector(ata, 9);
        var normalised = PlanarTransform.FromArray(h);
        if (!IsFinite(normalised) || Math.Abs(h[8]) < 1e-12) return null;
        var toCand = PlanarTransform.Affine(sc, 0, -sc * mx, 0, sc, -sc * my);
        var fromRef = PlanarTransform.Affine(1 / sr, 0, mu, 0, 1 / sr, mv);
        var result = fromRef.After(normalised).After(toCand);
        if (!IsFinite(result)) return null;
        // Three collinear points out of four let the DLT collapse the plane onto a line: reject rank-deficient maps.
        var det = (result.M00 * ((result.M11 * result.M22) - (result.M12 * result.M21)))
            - (result.M01 * ((result.M10 * result.M22) - (result.M12 * result.M20)))
            + (result.M02 * ((result.M10 * result.M21) - (result.M11 * result.M20)));
        return Math.Abs(det) < 1e-9 * Math.Pow(result.LinearScale + 1e-300, 2) ? null : result;
    }

    private static (double Mx, double My, double Mu, double Mv, double Total) Means(ReadOnlySpan<Correspondence> points)
    {
        double mx = 0, my = 0, mu = 0, mv = 0, total = 0;
        foreach (var p in points)
        {
            mx += p.W * p.X; my += p.W * p.Y; mu += p.W * p.U; mv += p.W * p.V; total += p.W;
        }
        return total <= 0 ? (0, 0, 0, 0, 0) : (mx / total, my / total, mu / total, mv / total, total);
    }

    private static double Spread(ReadOnlySpan<Correspondence> points, double mx, double my)
    {
        var max = 0.0;
        foreach (var p in points) max = Math.Max(max, Math.Abs(p.X - mx) + Math.Abs(p.Y - my));
        return Math.Max(max * max, 1e-300);
    }

    /// <summary>
    /// Isotropic scale that brings the weighted mean distance from the centroid to √2 (0 when all coincide).
    /// </summary>
    private static double Normaliser(ReadOnlySpan<Correspondence> points, double cx, double cy, bool useReference)
    {
        double sum = 0, total = 0;
        foreach (var p in points)
        {
            if (p.W <= 0) continue;
            var (x, y) = useReference ? (p.U, p.V) : (p.X, p.Y);
            sum += p.W * Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy)));
            total += p.W;
        }
        var mean = sum / total;
        return mean <= 1e-12 ? 0 : Math.Sqrt(2) / mean;
    }

    private static bool IsFinite(PlanarTransform t) =>
        double.IsFinite(t.M00) && double.IsFinite(t.M01) && double.IsFinite(t.M02) && double.IsFinite(t.M10)
        && double.IsFinite(t.M11) && double.IsFinite(t.M12) && double.IsFinite(t.M20) && double.IsFinite(t.M21)
        && double.IsFinite(t.M22);
}
