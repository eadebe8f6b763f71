using Microsoft.Extensions.Options;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging.Tests.TestData;

internal static class TestCodec
{
    public static LibvipsImageCodec Create(long maxPixels = 40_000_000) =>
        new(Options.Create(new ImagingOptions { MaxPixels = maxPixels }));

    /// <summary>Mean absolute difference per byte between two same-sized images, 0-255.</summary>
    public static double MeanAbsDifference(RgbImage a, RgbImage b)
    {
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        long sum = 0;
        for (var i = 0; i < a.Pixels.Length; i++)
            sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
        return (double)sum / a.Pixels.Length;
    }

    public static (byte R, byte G, byte B) PixelAt(RgbImage image, int x, int y)
    {
        var i = ((y * image.Width) + x) * 3;
        return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
    }

    /// <summary>
    /// Turns an image 90 degrees counter-clockwise: output pixel (x, y) = input pixel (W - 1 - y, x).
    /// </summary>
    public static RgbImage RotateCounterClockwise(RgbImage image)
    {
        var (w, h) = (image.Width, image.Height);
        var pixels = new byte[image.Pixels.Length];
        for (var y = 0; y < w; y++)
        {
            for (var x = 0; x < h; x++)
                image.Pixels.AsSpan(((x * w) + (w - 1 - y)) * 3, 3).CopyTo(pixels.AsSpan(((y * h) + x) * 3));
        }
        return new RgbImage(h, w, pixels);
    }
}
