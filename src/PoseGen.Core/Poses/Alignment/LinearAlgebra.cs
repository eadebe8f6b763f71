namespace PoseGen.Core.Poses.Alignment;

/// <summary>The dense solver the homography fit needs, on small row-major matrices (n ≤ 9).</summary>
internal static class LinearAlgebra
{
    /// <summary>
    /// Eigenvector of the smallest eigenvalue of a symmetric n x n matrix, by cyclic Jacobi rotations (Golub and Van
    /// Loan, Matrix Computations, 8.5). Used for the homogeneous least-squares problem of the DLT: min |A h| with |h| =
    /// 1 is the smallest eigenvector of AᵀA.
    /// </summary>
    public static double[] SmallestEigenvector(double[] symmetric, int n)
    {
        var a = (double[])symmetric.Clone();
        var v = new double[n * n];
        for (var i = 0; i < n; i++) v[(i * n) + i] = 1;
        for (var sweep = 0; sweep < 60; sweep++)
        {
            double off = 0, total = 0;
            for (var p = 0; p < n; p++)
                for (var q = 0; q < n; q++)
                {
                    total += a[(p * n) + q] * a[(p * n) + q];
                    if (p != q) off += a[(p * n) + q] * a[(p * n) + q];
                }
            if (off <= 1e-30 * Math.Max(total, 1e-300)) break;
            for (var p = 0; p < n - 1; p++)
                for (var q = p + 1; q < n; q++)
                    Rotate(a, v, n, p, q);
        }
        var best = 0;
        for (var i = 1; i < n; i++)
            if (a[(i * n) + i] < a[(best * n) + best]) best = i;
        var vector = new double[n];
        for (var i = 0; i < n; i++) vector[i] = v[(i * n) + best];
        return vector;
    }

    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        if (Math.Abs(apq) < 1e-300) return;
        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0) t = 1;
        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }
        for (var k = 0; k < n; k++)
        {
            var apk = a[(p * n) + k];
            var aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }
        for (var k = 0; k < n; k++)
        {
            var vkp = v[(k * n) + p];
            var vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
