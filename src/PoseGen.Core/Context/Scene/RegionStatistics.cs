using PoseGen.Core.Imaging;

namespace PoseGen.Core.Context.Scene;

/// <summary>
/// Colour and texture statistics of one region. Fractions are of the region's sampled pixels. Brightness is mean
/// Rec.601 luma (0..1), <see cref="LumaSpread"/> its standard deviation, <see cref="Warmth"/> the mean (R - B) / 255
/// (positive is warm light, negative cool). <see cref="EdgeDensity"/> is the fraction of samples on a strong edge
/// (Sobel magnitude above 0.25 in luma units) and <see cref="StraightEdgeShare"/> the share of those edges within 10
/// degrees of horizontal or vertical: buildings and interiors are full of them, foliage, sand and sky are not.
/// </summary>
public sealed record RegionStatistics(
    int Samples, IReadOnlyList<float> Fractions, float Brightness, float LumaSpread, float Warmth, float EdgeDensity,
    float StraightEdgeShare)
{
    public static RegionStatistics Empty { get; } = new(0, new float[8], 0, 0, 0, 0, 0);

    public float this[ColourClass c] => Fractions[(int)c];
}

/// <summary>Region statistics over a sampling grid of the photo (about 160 samples along the long side).</summary>
public static class RegionSampler
{
    private const int GridLongSide = 160;

    /// <summary>
    /// Statistics of the grid cells whose centre satisfies <paramref name="include"/> (photo pixel x, y).
    /// </summary>
    public static RegionStatistics Measure(RgbImage image, Func<int, int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(include);
        var step = Math.Max(1, Math.Max(image.Width, image.Height) / GridLongSide);
        var counts = new int[8];
        int samples = 0, edges = 0, straight = 0;
        double luma = 0, luma2 = 0, warmth = 0;
        var px = image.Pixels;
        for (var y = step; y < image.Height - step; y += step)
        {
            for (var x = step; x < image.Width - step; x += step)
            {
                if (!include(x, y))
                    continue;
                var i = ((y * image.Width) + x) * 3;
                byte r = px[i], g = px[i + 1], b = px[i + 2];
                var set = PixelColour.Classes(r, g, b);
                for (var c = 0; c < 8; c++)
                    if ((set & (1 << c)) != 0) counts[c]++;
                var l = Luma(px, image.Width, x, y);
                luma += l;
                luma2 += l * l;
                warmth += (r - b) / 255.0;
                samples++;
                // Central differences one grid step apart: a Sobel-like gradient at the sampling scale.
                var gx = Luma(px, image.Width, x + step, y) - Luma(px, image.Width, x - step, y);
                var gy = Luma(px, image.Width, x, y + step) - Luma(px, image.Width, x, y - step);
                var magnitude = Math.Sqrt((gx * gx) + (gy * gy));
                if (magnitude > 0.25)
                {
                    edges++;
                    var angle = Math.Abs(Math.Atan2(gy, gx) * 180 / Math.PI) % 90;
                    if (angle < 10 || angle > 80) straight++;
                }
            }
        }
        if (samples == 0)
            return RegionStatistics.Empty;
        var mean = luma / samples;
        return new RegionStatistics(
            samples,
            [.. counts.Select(c => (float)c / samples)],
            (float)mean,
            (float)Math.Sqrt(Math.Max(0, (luma2 / samples) - (mean * mean))),
            (float)(warmth / samples),
            (float)edges / samples,
            edges == 0 ? 0 : (float)straight / edges);
    }

    private static double Luma(byte[] px, int width, int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return ((0.299 * px[i]) + (0.587 * px[i + 1]) + (0.114 * px[i + 2])) / 255.0;
    }
}
