namespace PoseGen.Inference.MoveNet;

/// <summary>
/// Builds MoveNet's input: RGB 0..255 as int32, NHWC, no normalisation (the graphs normalise internally).
/// </summary>
public static class MoveNetPreprocessing
{
    /// <summary>
    /// Samples <paramref name="window"/> of an RGB image (rows of width x 3 bytes) into <paramref name="destination"/>
    /// (InputHeight x InputWidth x 3) by bilinear interpolation at input pixel centres. Input pixels whose centre falls
    /// outside the image are 0.
    /// </summary>
    public static void Resample(ReadOnlySpan<byte> rgb, int width, int height, InputWindow window,
        Span<int> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length < width * height * 3)
            throw new ArgumentException("Pixel buffer is smaller than width x height x 3.", nameof(rgb));
        var outW = window.InputWidth;
        var outH = window.InputHeight;
        if (destination.Length < outW * outH * 3)
            throw new ArgumentException("Destination is smaller than the input tensor.", nameof(destination));

        // Horizontal taps are the same for every row: byte offsets of the two neighbours and the weight of the right
        // one.
        Span<int> x0 = outW <= 1024 ? stackalloc int[outW] : new int[outW];
        Span<int> x1 = outW <= 1024 ? stackalloc int[outW] : new int[outW];
        Span<float> wx = outW <= 1024 ? stackalloc float[outW] : new float[outW];
        Span<bool> inX = outW <= 1024 ? stackalloc bool[outW] : new bool[outW];
        for (var u = 0; u < outW; u++)
        {
            // Continuous source position of the input pixel centre; source pixel i's centre is at i + 0.5.
            var sx = window.Left + (u + 0.5f) * window.Scale - 0.5f;
            inX[u] = sx >= -0.5f && sx <= width - 0.5f;
            var f = MathF.Floor(sx);
            wx[u] = sx - f;
            x0[u] = Math.Clamp((int)f, 0, width - 1) * 3;
            x1[u] = Math.Clamp((int)f + 1, 0, width - 1) * 3;
        }

        var stride = width * 3;
        for (var v = 0; v < outH; v++)
        {
            var row = destination.Slice(v * outW * 3, outW * 3);
            var sy = window.Top + (v + 0.5f) * window.Scale - 0.5f;
            if (sy < -0.5f || sy > height - 0.5f)
            {
                row.Clear();
                continue;
            }
            var fy = MathF.Floor(sy);
            var wy = sy - fy;
            var r0 = rgb.Slice(Math.Clamp((int)fy, 0, height - 1) * stride, stride);
            var r1 = rgb.Slice(Math.Clamp((int)fy + 1, 0, height - 1) * stride, stride);
            for (var u = 0; u < outW; u++)
            {
                var o = u * 3;
                if (!inX[u])
                {
                    row[o] = row[o + 1] = row[o + 2] = 0;
                    continue;
                }
                int a = x0[u], b = x1[u];
                var w = wx[u];
                for (var c = 0; c < 3; c++)
                {
                    var top = r0[a + c] + (r0[b + c] - r0[a + c]) * w;
                    var bottom = r1[a + c] + (r1[b + c] - r1[a + c]) * w;
                    row[o + c] = (int)(top + (bottom - top) * wy + 0.5f);
                }
            }
        }
    }
}
