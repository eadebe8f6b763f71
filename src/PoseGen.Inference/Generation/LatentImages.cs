using PoseGen.Core.Imaging;

namespace PoseGen.Inference.Generation;

/// <summary>
/// Conversions between RGB images and the NCHW float tensors the models take, plus the cheap latent preview.
/// </summary>
internal static class LatentImages
{
    /// <summary>
    /// SD 1.5 VAE latent scaling: latents = encoder output x 0.18215, decoder input = latents / 0.18215.
    /// </summary>
    public const float VaeScale = 0.18215f;

    /// <summary>
    /// Linear approximation of the VAE decoder (latent channel c contributes Rgb[c] to the pixel), the coefficients
    /// widely used for SD 1.x previews; output roughly in [-1, 1].
    /// </summary>
    private static readonly float[,] LatentToRgb =
    {
        { 0.298f, 0.207f, 0.208f },
        { 0.187f, 0.286f, 0.173f },
        { -0.158f, 0.189f, 0.264f },
        { -0.184f, -0.271f, -0.473f },
    };

    /// <summary>
    /// [copies, 3, H, W] planes of <paramref name="image"/> resized (nearest) to width x height, value = a x byte + b.
    /// </summary>
    public static float[] ToPlanes(RgbImage image, int width, int height, int copies, float a, float b)
    {
        var plane = width * height;
        var result = new float[copies * 3 * plane];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Min(image.Height - 1, (int)((y + 0.5) * image.Height / height));
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Min(image.Width - 1, (int)((x + 0.5) * image.Width / width));
                var source = ((sy * image.Width) + sx) * 3;
                for (var c = 0; c < 3; c++) result[(c * plane) + (y * width) + x] = (a * image.Pixels[source + c]) + b;
            }
        }
        for (var copy = 1; copy < copies; copy++) Array.Copy(result, 0, result, copy * 3 * plane, 3 * plane);
        return result;
    }

    /// <summary>The first image of a [N, 3, H, W] tensor in [-1, 1] as bytes (clamped, rounded).</summary>
    public static RgbImage FromSignedPlanes(ReadOnlySpan<float> planes, int width, int height)
    {
        var plane = width * height;
        var pixels = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
            for (var c = 0; c < 3; c++)
                pixels[(i * 3) + c] = ToByte(planes[(c * plane) + i]);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>A latent-resolution RGB preview of a [1, 4, h, w] latent.</summary>
    public static RgbImage Preview(ReadOnlySpan<float> latent, int width, int height)
    {
        var plane = width * height;
        var pixels = new byte[plane * 3];
        for (var i = 0; i < plane; i++)
        {
            for (var rgb = 0; rgb < 3; rgb++)
            {
                float v = 0;
                for (var c = 0; c < 4; c++) v += latent[(c * plane) + i] * LatentToRgb[c, rgb];
                pixels[(i * 3) + rgb] = ToByte(v);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    private static byte ToByte(float signed) => (byte)Math.Clamp(MathF.Round((signed + 1) * 127.5f), 0, 255);
}
