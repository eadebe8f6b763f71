using PoseGen.Core.Imaging;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class LibvipsImageCodecDecodeTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    public static TheoryData<string> Photos => Fixtures.PeoplePhotoNames;

    [Theory]
    [MemberData(nameof(Photos))]
    public void DecodesFixturePhotoAtTheSizeInItsJpegFrameHeader(string name)
    {
        var bytes = Fixtures.Read(name);
        var (width, height) = JpegFile.FrameSize(bytes);

        var image = _codec.Decode(bytes);

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(width * height * 3, image.Pixels.Length);
        Assert.Contains(image.Pixels, b => b != image.Pixels[0]);
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void ProbeReportsFormatAndSizeWithoutDecoding(string name)
    {
        var bytes = Fixtures.Read(name);
        var (width, height) = JpegFile.FrameSize(bytes);

        var probe = _codec.Probe(bytes);

        Assert.Equal(new ImageProbe(ImageFormat.Jpeg, width, height, 1), probe);
    }

    [Theory]
    [InlineData(6, 1)] // stored turned 90 degrees counter-clockwise; turn clockwise to display
    [InlineData(3, 2)] // stored upside down
    [InlineData(8, 3)] // stored turned 90 degrees clockwise
    public void AppliesExifOrientationSoTheDecodedImageIsUpright(ushort orientation, int counterClockwiseTurns)
    {
        var upright = _codec.Thumbnail(_codec.Decode(Fixtures.Read("ochuman_003799.jpg")), 160, 160);
        Assert.NotEqual(upright.Width, upright.Height);
        var turned = upright;
        for (var i = 0; i < counterClockwiseTurns; i++)
            turned = TestCodec.RotateCounterClockwise(turned);
        var stored = _codec.Encode(turned, EncodeFormat.Jpeg, 95);
        var tagged = JpegFile.WithExifOrientation(stored, orientation);

        var probe = _codec.Probe(tagged);
        var decoded = _codec.Decode(tagged);
        var untagged = _codec.Decode(stored);

        Assert.Equal((upright.Width, upright.Height), (probe.Width, probe.Height));
        Assert.Equal((upright.Width, upright.Height), (decoded.Width, decoded.Height));
        Assert.Equal((turned.Width, turned.Height), (untagged.Width, untagged.Height));
        Assert.True(TestCodec.MeanAbsDifference(upright, decoded) < 4,
            "decoded pixels should match the upright original");
    }

    [Fact]
    public void ThumbnailOfOrientedJpegIsUprightToo()
    {
        var upright = _codec.Thumbnail(_codec.Decode(Fixtures.Read("mpii_004645041.jpg")), 200, 200);
        var tagged = JpegFile.WithExifOrientation(_codec.Encode(TestCodec.RotateCounterClockwise(upright),
            EncodeFormat.Jpeg, 95), 6);

        var thumbnail = _codec.DecodeThumbnail(tagged, 100, 100);

        Assert.Equal(upright.Width > upright.Height, thumbnail.Width > thumbnail.Height);
        Assert.Equal(100, Math.Max(thumbnail.Width, thumbnail.Height));
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void DecodeThumbnailFitsTheBoxAndKeepsAspectRatio(string name)
    {
        var bytes = Fixtures.Read(name);
        var (width, height) = JpegFile.FrameSize(bytes);

        var thumbnail = _codec.DecodeThumbnail(bytes, 192, 192);

        Assert.Equal(192, Math.Max(thumbnail.Width, thumbnail.Height));
        // Rounding one side to whole pixels moves the ratio by at most one pixel's worth.
        var tolerance = 1.0 / Math.Min(thumbnail.Width, thumbnail.Height);
        Assert.InRange((double)thumbnail.Width / thumbnail.Height, ((double)width / height) - tolerance,
            ((double)width / height) + tolerance);
    }

    [Fact]
    public void DecodeThumbnailCoverCentreGivesExactlyTheBox()
    {
        var thumbnail = _codec.DecodeThumbnail(Fixtures.Read("mpii_005808361.jpg"), 96, 128, ThumbnailFit.CoverCentre);

        Assert.Equal((96, 128), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void DecodeThumbnailNeverEnlarges()
    {
        var bytes = Fixtures.Read("ochuman_000817.jpg");
        var (width, height) = JpegFile.FrameSize(bytes);

        var thumbnail = _codec.DecodeThumbnail(bytes, width * 4, height * 4);

        Assert.Equal((width, height), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public void DecodeThumbnailLooksLikeAFullDecodeResizedDown()
    {
        var bytes = Fixtures.Read("posetrack18_003418_mpii_test_000000.jpg");
        var thumbnail = _codec.DecodeThumbnail(bytes, 128, 128);

        var reference = _codec.Resize(_codec.Decode(bytes), thumbnail.Width, thumbnail.Height);

        Assert.True(TestCodec.MeanAbsDifference(reference, thumbnail) < 6);
    }
}
