namespace PoseGen.Core.Poses.Alignment;

/// <summary>The transform family fitted when aligning a candidate onto a reference.</summary>
public enum AlignmentModel
{
    /// <summary>Rotation, uniform scale and translation (4 degrees of freedom, 2 anchors).</summary>
    Similarity,

    /// <summary>
    /// Any linear map plus translation (6 degrees of freedom, 3 anchors): also absorbs shear and unequal scale.
    /// </summary>
    Affine,

    /// <summary>
    /// Plane-to-plane homography (8 degrees of freedom, 4 anchors): a camera looking at the torso plane from another
    /// angle.
    /// </summary>
    Perspective,
}

/// <summary>
/// A 3x3 projective map between image planes (row-major, M22 normalised to 1 where possible):
/// x' = (M00 x + M01 y + M02) / w, y' = (M10 x + M11 y + M12) / w, w = M20 x + M21 y + M22.
/// Similarity and affine maps have M20 = M21 = 0 and M22 = 1.
/// </summary>
public readonly record struct PlanarTransform(
    double M00, double M01, double M02, double M10, double M11, double M12, double M20, double M21, double M22)
{
    public static PlanarTransform Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static PlanarTransform Similarity(double scale, double rotationRad, double tx, double ty)
    {
        var (s, c) = Math.SinCos(rotationRad);
        return new(scale * c, -scale * s, tx, scale * s, scale * c, ty, 0, 0, 1);
    }

    public static PlanarTransform Affine(double a, double b, double tx, double c, double d, double ty) =>
        new(a, b, tx, c, d, ty, 0, 0, 1);

    /// <summary>
    /// Denominator w at (x, y); a projective map only behaves where w keeps the sign it has on the anchors.
    /// </summary>
    public double Denominator(double x, double y) => (M20 * x) + (M21 * y) + M22;

    public (double X, double Y) Apply(double x, double y)
    {
        var w = Denominator(x, y);
        return (((M00 * x) + (M01 * y) + M02) / w, ((M10 * x) + (M11 * y) + M12) / w);
    }

    /// <summary>
    /// Square root of |det| of the linear part: the average length scale the map applies near the origin.
    /// </summary>
    public double LinearScale => Math.Sqrt(Math.Abs((M00 * M11) - (M01 * M10)));

    /// <summary>Rotation angle of the linear part in radians (exact for similarities).</summary>
    public double RotationRad => Math.Atan2(M10 - M01, M00 + M11);

    /// <summary>this after <paramref name="first"/>: (this ∘ first)(p) = this(first(p)).</summary>
    public PlanarTransform After(PlanarTransform first)
    {
        double[] a = [M00, M01, M02, M10, M11, M12, M20, M21, M22];
        double[] b = [first.M00, first.M01, first.M02, first.M10, first.M11, first.M12, first.M20, first.M21,
            first.M22];
        var m = new double[9];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                m[(r * 3) + c] = (a[r * 3] * b[c]) + (a[(r * 3) + 1] * b[3 + c]) + (a[(r * 3) + 2] * b[6 + c]);
        return FromArray(m);
    }

    internal static PlanarTransform FromArray(ReadOnlySpan<double> m)
    {
        var scale = Math.Abs(m[8]) > 1e-12 ? m[8] : 1.0;
        return new(m[0] / scale, m[1] / scale, m[2] / scale, m[3] / scale, m[4] / scale, m[5] / scale,
            m[6] / scale, m[7] / scale, m[8] / scale);
    }
}
