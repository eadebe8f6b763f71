using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Tests.MoveNet;

public sealed class MoveNetPreprocessingTests
{
    /// <summary>A width x height image whose pixel (x, y) is (R, G, B) = (x, y, 7).</summary>
    private static byte[] Ramp(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                (pixels[o], pixels[o + 1], pixels[o + 2]) = ((byte)x, (byte)y, 7);
            }
        }
        return pixels;
    }

    [Fact]
    public void OneToOneWindowCopiesPixelsInRgbOrder()
    {
        var pixels = Ramp(4, 3);
        var input = new int[4 * 3 * 3];

        MoveNetPreprocessing.Resample(pixels, 4, 3, new InputWindow(0, 0, 1, 4, 3), input);

        Assert.Equal(pixels.Select(b => (int)b), input);
    }

    [Fact]
    public void LetterboxPadsOutsideTheImageWithZerosAndKeepsTheAspectRatio()
    {
        // 4x2 image into a 4x4 input: rows 0 and 3 are padding, rows 1-2 the image at scale 1.
        var pixels = Ramp(4, 2);
        var input = new int[4 * 4 * 3];

        MoveNetPreprocessing.Resample(pixels, 4, 2, InputWindow.Letterbox(4, 2, 4), input);

        Assert.All(input.AsSpan(0, 12).ToArray(), v => Assert.Equal(0, v));
        Assert.All(input.AsSpan(36, 12).ToArray(), v => Assert.Equal(0, v));
        Assert.Equal(pixels.Select(b => (int)b), input.AsSpan(12, 24).ToArray());
    }

    [Fact]
    public void HalvingAveragesNeighbouringPixelsAtTheirSharedCorner()
    {
        // Scale 2: input pixel (u, v) centre sits at source (2u + 0.5, 2v + 0.5), halfway between four source centres.
        var pixels = Ramp(8, 8);
        var input = new int[4 * 4 * 3];

        MoveNetPreprocessing.Resample(pixels, 8, 8, new InputWindow(0, 0, 2, 4, 4), input);

        for (var v = 0; v < 4; v++)
        {
            for (var u = 0; u < 4; u++)
            {
                var o = (v * 4 + u) * 3;
                // Mean of x = 2u and 2u + 1 is 2u + 0.5, rounded half up.
                Assert.Equal(2 * u + 1, input[o]);
                Assert.Equal(2 * v + 1, input[o + 1]);
                Assert.Equal(7, input[o + 2]);
            }
        }
    }

    [Fact]
    public void CropBeyondTheRightEdgeIsPaddedThere()
    {
        var pixels = Ramp(4, 4);
        var input = new int[4 * 4 * 3];

        MoveNetPreprocessing.Resample(pixels, 4, 4, new InputWindow(2, 0, 1, 4, 4), input);

        for (var v = 0; v < 4; v++)
        {
            Assert.Equal([2, v, 7, 3, v, 7, 0, 0, 0, 0, 0, 0], input.AsSpan(v * 12, 12).ToArray());
        }
    }

    [Fact]
    public void RejectsATooSmallDestination()
    {
        var pixels = Ramp(4, 4);
        Assert.Throws<ArgumentException>(() =>
            MoveNetPreprocessing.Resample(pixels, 4, 4, new InputWindow(0, 0, 1, 4, 4), new int[47]));
    }
}
