using PoseGen.Core.Imaging;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

/// <summary>Inputs other than 8-bit RGB JPEG all arrive as upright 8-bit RGB.</summary>
public sealed class LibvipsImageCodecFormatTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Fact]
    public void GreyPngBecomesRgbWithEqualChannels()
    {
        byte[] grey = [0, 64, 128, 255];

        var image = _codec.Decode(PngBuilder.Build(2, 2, 8, PngBuilder.Grey, grey));

        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(grey.SelectMany(g => new[] { g, g, g }), image.Pixels);
    }

    [Fact]
    public void SixteenBitPngKeepsTheHighByte()
    {
        // One RGB pixel, big-endian 16-bit samples 0xFF00, 0x8000, 0x0100.
        var image = _codec.Decode(PngBuilder.Build(1, 1, 16, PngBuilder.Rgb, [0xFF, 0x00, 0x80, 0x00, 0x01, 0x00]));

        Assert.Equal([0xFF, 0x80, 0x01], image.Pixels);
    }

    [Fact]
    public void AlphaIsFlattenedOntoWhite()
    {
        // Opaque red, fully transparent, and half-transparent black (alpha 128/255).
        byte[] rgba = [255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 128];

        var image = _codec.Decode(PngBuilder.Build(3, 1, 8, PngBuilder.Rgba, rgba));

        Assert.Equal((255, 0, 0), TestCodec.PixelAt(image, 0, 0));
        Assert.Equal((255, 255, 255), TestCodec.PixelAt(image, 1, 0));
        var (r, g, b) = TestCodec.PixelAt(image, 2, 0);
        Assert.All(new[] { r, g, b }, v => Assert.InRange(v, 125, 129)); // 255 * (1 - 128/255) = 127
    }

    [Fact]
    public void GreyWithAlphaBecomesRgb()
    {
        var image = _codec.Decode(PngBuilder.Build(1, 1, 8, PngBuilder.GreyAlpha, [100, 255]));

        Assert.Equal([100, 100, 100], image.Pixels);
    }

    [Fact]
    public void AnimatedGifDecodesItsFirstFrameAndProbeCountsFrames()
    {
        var gif = GifBuilder.OnePixelFrames(0, 1, 1);

        var probe = _codec.Probe(gif);
        var image = _codec.Decode(gif);

        Assert.Equal(new ImageProbe(ImageFormat.Gif, 1, 1, 3), probe);
        Assert.Equal([255, 0, 0], image.Pixels);
    }

    [Theory]
    [InlineData(EncodeFormat.Jpeg, ImageFormat.Jpeg)]
    [InlineData(EncodeFormat.Png, ImageFormat.Png)]
    [InlineData(EncodeFormat.WebP, ImageFormat.WebP)]
    [InlineData(EncodeFormat.Avif, ImageFormat.Avif)]
    public void EncodedOutputProbesAsItsFormat(EncodeFormat encode, ImageFormat expected)
    {
        var bytes = _codec.Encode(Gradient(40, 30), encode);

        Assert.Equal(new ImageProbe(expected, 40, 30, 1), _codec.Probe(bytes));
    }

    [Theory]
    [InlineData(ChromaSubsampling.Chroma420, 90, 2, 2)]
    [InlineData(ChromaSubsampling.Chroma444, 50, 1, 1)]
    [InlineData(ChromaSubsampling.Auto, 90, 1, 1)] // libvips turns subsampling off from Q90 up
    [InlineData(ChromaSubsampling.Auto, 75, 2, 2)]
    public void JpegChromaSubsamplingIsWrittenIntoTheFrameHeader(ChromaSubsampling chroma, int quality, int lumaH,
        int lumaV)
    {
        var bytes = _codec.Encode(Gradient(64, 48), EncodeFormat.Jpeg, quality, chroma);

        // Y carries the subsampling; Cb and Cr are always sampled once per MCU.
        Assert.Equal([(lumaH, lumaV), (1, 1), (1, 1)], JpegFile.SamplingFactors(bytes));
        Assert.Equal((64, 48), JpegFile.FrameSize(bytes));
    }

    [Fact]
    public void UnknownChromaSubsamplingIsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _codec.Encode(Gradient(8, 8), EncodeFormat.Jpeg, 90,
            (ChromaSubsampling)7));
    }

    [Fact]
    public void PngRoundTripIsLossless()
    {
        var original = _codec.Decode(Fixtures.Read("ochuman_003799.jpg"));

        var decoded = _codec.Decode(_codec.Encode(original, EncodeFormat.Png));

        Assert.Equal(original.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(EncodeFormat.Jpeg)]
    [InlineData(EncodeFormat.WebP)]
    [InlineData(EncodeFormat.Avif)]
    public void LossyRoundTripStaysCloseAndQualityTradesSize(EncodeFormat format)
    {
        // A 320 px photo keeps AVIF (libaom) encoding to a fraction of a second.
        var original = _codec.DecodeThumbnail(Fixtures.Read("mpii_005808361.jpg"), 320, 320);

        var high = _codec.Encode(original, format, 95);
        var low = _codec.Encode(original, format, 30);

        Assert.True(TestCodec.MeanAbsDifference(original, _codec.Decode(high)) < 3);
        Assert.True(low.Length < high.Length / 2, $"q30 gave {low.Length} bytes, q95 {high.Length}");
    }

    [Fact]
    public void CropReturnsExactlyThatRectangle()
    {
        var image = Gradient(50, 40);

        var crop = _codec.Crop(image, 10, 5, 20, 15);

        Assert.Equal((20, 15), (crop.Width, crop.Height));
        for (var y = 0; y < 15; y++)
            Assert.Equal(image.Pixels.AsSpan((((y + 5) * 50) + 10) * 3, 20 * 3).ToArray(),
                crop.Pixels.AsSpan(y * 20 * 3, 20 * 3).ToArray());
    }

    [Fact]
    public void CropOutsideTheImageIsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _codec.Crop(Gradient(10, 10), 5, 5, 6, 2));
    }

    [Fact]
    public void ResizeGivesTheExactSizeAndKeepsAFlatColour()
    {
        var flat = new RgbImage(30, 20, [.. Enumerable.Repeat<byte[]>([200, 100, 50], 600).SelectMany(p => p)]);

        var larger = _codec.Resize(flat, 45, 7);
        var smaller = _codec.Resize(flat, 7, 45);

        Assert.Equal((45, 7), (larger.Width, larger.Height));
        Assert.Equal((7, 45), (smaller.Width, smaller.Height));
        Assert.All(larger.Pixels.Chunk(3).Concat(smaller.Pixels.Chunk(3)), p => Assert.Equal([200, 100, 50], p));
    }

    [Fact]
    public void ThumbnailOfPixelsKeepsAspectRatioAndNeverEnlarges()
    {
        var image = Gradient(300, 200);

        Assert.Equal((150, 100), Size(_codec.Thumbnail(image, 150, 150)));
        Assert.Equal((300, 200), Size(_codec.Thumbnail(image, 600, 600)));
        Assert.Equal((80, 80), Size(_codec.Thumbnail(image, 80, 80, ThumbnailFit.CoverCentre)));
    }

    private static (int, int) Size(RgbImage image) => (image.Width, image.Height);

    /// <summary>R grows with x, G with y, B constant: every pixel of a crop can be told apart.</summary>
    private static RgbImage Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(x * 255 / width), (byte)(y * 255 / height), 77);
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
