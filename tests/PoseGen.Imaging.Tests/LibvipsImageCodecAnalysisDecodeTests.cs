using PoseGen.Core.Imaging;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class LibvipsImageCodecAnalysisDecodeTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Theory]
    [InlineData(4000, 1000, 4)] // 12 MP phone photo to the detector's working size: 1000 px straight from the decoder
    [InlineData(4000, 500, 8)]
    [InlineData(3999, 1000, 4)] // ceil(3999 / 4) = 1000
    [InlineData(2001, 1000, 2)]
    [InlineData(1999, 1000, 2)] // ceil(1999 / 2) = 1000
    [InlineData(1998, 1000, 1)] // halving would fall below the working size
    [InlineData(1920, 1000, 1)]
    [InlineData(640, 1000, 1)]
    public void JpegShrinkIsTheLargestFactorKeepingTheLongSideAtLeastTheTarget(int longSide, int maxSide, int expected)
    {
        Assert.Equal(expected, LibvipsImageCodec.JpegShrink(longSide, maxSide));
    }

    [Fact]
    public void LargeJpegDecodesToTheWorkingSizeAndLooksLikeTheSmoothThumbnail()
    {
        var large = LargeJpeg(4000, 3000);

        var fast = _codec.DecodeForAnalysis(large, 1000).Image;
        var smooth = _codec.DecodeThumbnail(large, 1000, 1000);

        Assert.Equal((1000, 750), (fast.Width, fast.Height));
        Assert.Equal((smooth.Width, smooth.Height), (fast.Width, fast.Height));
        Assert.True(TestCodec.MeanAbsDifference(smooth, fast) < 3,
            "block shrink-on-load should differ from the smooth resample only in fine detail");
    }

    [Fact]
    public void ResamplesWhatTheDecoderCannotShrink()
    {
        var large = LargeJpeg(3000, 2000);

        var image = _codec.DecodeForAnalysis(large, 1000).Image;

        // 3000 / 2 = 1500 from the decoder, then resampled to 1000 x 667.
        Assert.Equal(1000, image.Width);
        Assert.InRange(image.Height, 666, 667);
    }

    [Fact]
    public void OrientedJpegComesOutUpright()
    {
        var upright = _codec.Resize(_codec.Decode(Fixtures.Read("mpii_004645041.jpg")), 2400, 1800);
        var tagged = JpegFile.WithExifOrientation(_codec.Encode(TestCodec.RotateCounterClockwise(upright),
            EncodeFormat.Jpeg, 90), 6);

        var (image, source) = _codec.DecodeForAnalysis(tagged, 600);

        Assert.Equal((600, 450), (image.Width, image.Height));
        Assert.Equal(new ImageProbe(ImageFormat.Jpeg, 2400, 1800, 1), source);
        Assert.True(TestCodec.MeanAbsDifference(_codec.Resize(upright, 600, 450), image) < 4,
            "pixels should match the upright original");
    }

    [Fact]
    public void NonJpegInputIsResampledAndSmallInputKeepsItsSize()
    {
        var photo = _codec.Decode(Fixtures.Read("ochuman_000817.jpg"));
        var png = _codec.Encode(photo, EncodeFormat.Png);

        var (reduced, source) = _codec.DecodeForAnalysis(png, 200);
        var full = _codec.DecodeForAnalysis(png, 10_000).Image;

        Assert.Equal(200, Math.Max(reduced.Width, reduced.Height));
        Assert.Equal(new ImageProbe(ImageFormat.Png, photo.Width, photo.Height, 1), source);
        Assert.Equal((photo.Width, photo.Height), (full.Width, full.Height));
        Assert.Equal(photo.Pixels, full.Pixels);
    }

    private byte[] LargeJpeg(int width, int height)
    {
        var photo = _codec.Decode(Fixtures.Read("mpii_004645041.jpg"));
        return _codec.Encode(_codec.Resize(photo, width, height), EncodeFormat.Jpeg, 90);
    }
}
