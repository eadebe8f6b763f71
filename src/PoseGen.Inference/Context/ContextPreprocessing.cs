namespace PoseGen.Inference.Context;

/// <summary>
/// Stretches an RGB image to size x size (aspect not kept, as @vladmandic/human's tf.image.resizeBilinear does for both
/// context models) into float NHWC, each channel value multiplied by <paramref name="scale"/>. Bilinear with half-pixel
/// centres: source x = (x + 0.5) * width / size - 0.5, clamped to the image.
/// </summary>
internal static class ContextPreprocessing
{
    public static void Stretch(ReadOnlySpan<byte> rgb, int width, int height, int size, float scale,
        Span<float> destination)
    {
        if (destination.Length < size * size * 3)
            throw new ArgumentException("Destination too small.", nameof(destination));
        for (var y = 0; y < size; y++)
        {
            var sy = Math.Clamp(((y + 0.5f) * height / size) - 0.5f, 0, height - 1);
            int y0 = (int)sy, y1 = Math.Min(y0 + 1, height - 1);
            var fy = sy - y0;
            for (var x = 0; x < size; x++)
            {
                var sx = Math.Clamp(((x + 0.5f) * width / size) - 0.5f, 0, width - 1);
                int x0 = (int)sx, x1 = Math.Min(x0 + 1, width - 1);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    float a = rgb[((y0 * width) + x0) * 3 + c], b = rgb[((y0 * width) + x1) * 3 + c];
                    float d = rgb[((y1 * width) + x0) * 3 + c], e = rgb[((y1 * width) + x1) * 3 + c];
                    var top = a + ((b - a) * fx);
                    var bottom = d + ((e - d) * fx);
                    destination[((y * size) + x) * 3 + c] = (top + ((bottom - top) * fy)) * scale;
                }
            }
        }
    }
}
