namespace PoseGen.Core.Poses.Alignment;

/// <summary>The two dense solvers the fits need, on small row-major matrices (n ≤ 9).</summary>
internal static class LinearAlgebra
{
    /// <summary>Solves A x = b in place by Gaussian elimination with partial pivoting; false when A is (near) singular.</summary>
    public static bool TrySolve(double[] a, double[] b, int n)
    {
        var norm = a.Max(Math.Abs);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(pivot * n) + col])) pivot = r;
            if (Math.Abs(a[(pivot * n) + col]) <= 1e-12 * Math.Max(norm, 1e-300)) return false;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                    (a[(col * n) + c], a[(pivot * n) + c]) = (a[(pivot * n) + c], a[(col * n) + c]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var f = a[(r * n) + col] / a[(col * n) + col];
                if (f == 0) continue;
                for (var c = col; c < n; c++) a[(r * n) + c] -= f * a[(col * n) + c];
                b[r] -= f * b[col];
            }
        }
        for (var r = n - 1; r >= 0; r--)
        {
            var s = b[r];
            for (var c = r + 1; c < n; c++) s -= a[(r * n) + c] * b[c];
            b[r] = s / a[(r * n) + r];
        }
        return true;
    }

    /// <summary>
    /// Eigenvector of the smallest eigenvalue of a symmetric n x n matrix, by cyclic Jacobi rotations (Golub and Van Loan,
    /// Matrix Computations, 8.5). Used for the homogeneous least-squares problem of the DLT: min |A h| with |h| = 1 is the
    /// smallest eigenvector of AᵀA.
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
