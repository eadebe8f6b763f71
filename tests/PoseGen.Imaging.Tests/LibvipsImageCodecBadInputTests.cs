using PoseGen.Core.Imaging;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class LibvipsImageCodecBadInputTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Fact]
    public void EmptyBytesAreRefusedAsEmpty()
    {
        Assert.Equal(ImageErrorKind.Empty, Assert.Throws<ImageDecodeException>(() => _codec.Decode([])).Kind);
        Assert.Equal(ImageErrorKind.Empty, Assert.Throws<ImageDecodeException>(() => _codec.Probe([])).Kind);
        Assert.Equal(ImageErrorKind.Empty, Assert.Throws<ImageDecodeException>(() => _codec.DecodeThumbnail([], 64, 64))
            .Kind);
    }

    [Fact]
    public void RandomBytesAreAnUnsupportedFormatWithLibvipsMessage()
    {
        var bytes = new byte[4096];
        new Random(20261122).NextBytes(bytes);

        var error = Assert.Throws<ImageDecodeException>(() => _codec.Decode(bytes));

        Assert.Equal(ImageErrorKind.UnsupportedFormat, error.Kind);
        Assert.Contains("not in a known format", error.LibvipsMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TruncatedJpegIsCorruptWithLibvipsMessage(double keptFraction)
    {
        var whole = Fixtures.Read("mpii_051423444.jpg");
        var truncated = whole[..(int)(whole.Length * keptFraction)];

        var decode = Assert.Throws<ImageDecodeException>(() => _codec.Decode(truncated));
        var thumbnail = Assert.Throws<ImageDecodeException>(() => _codec.DecodeThumbnail(truncated, 64, 64));
        Assert.Equal(ImageErrorKind.Corrupt, Assert.Throws<ImageDecodeException>(() =>
            _codec.DecodeForAnalysis(truncated, 64)).Kind);

        Assert.Equal(ImageErrorKind.Corrupt, decode.Kind);
        Assert.Equal(ImageErrorKind.Corrupt, thumbnail.Kind);
        Assert.False(string.IsNullOrWhiteSpace(decode.LibvipsMessage));
    }

    [Fact]
    public void LibvipsTextStaysOutOfTheMessageShownToUsers()
    {
        var truncated = Fixtures.Read("mpii_051423444.jpg");
        truncated = truncated[..(truncated.Length / 2)];

        var error = Assert.Throws<ImageDecodeException>(() => _codec.Decode(truncated));

        // libvips names its classes in its errors ("VipsJpeg: premature end of JPEG image"); the web layer shows
        // Message.
        Assert.Contains("Vips", error.LibvipsMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Vips", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JpegCutInsideItsHeaderIsCorrupt()
    {
        var error = Assert.Throws<ImageDecodeException>(() => _codec.Decode(
            Fixtures.Read("ochuman_003896.jpg")[..200]));

        Assert.Equal(ImageErrorKind.Corrupt, error.Kind);
    }

    [Fact]
    public void PngHeaderAnnouncingTenGigapixelsIsRefusedAsTooLargeBeforeDecoding()
    {
        var bomb = PngBuilder.BombHeader(100_000, 100_000);

        var decode = Assert.Throws<ImageDecodeException>(() => _codec.Decode(bomb));
        var thumbnail = Assert.Throws<ImageDecodeException>(() => _codec.DecodeThumbnail(bomb, 64, 64));

        // The file holds one row of pixel data: reaching the decoder would have reported Corrupt, not TooLarge.
        Assert.Equal(ImageErrorKind.TooLarge, decode.Kind);
        Assert.Equal(ImageErrorKind.TooLarge, thumbnail.Kind);
        Assert.Null(decode.LibvipsMessage);
    }

    [Fact]
    public void ProbeReportsTheAnnouncedSizeOfAnOversizedHeader()
    {
        Assert.Equal(new ImageProbe(ImageFormat.Png, 100_000, 100_000, 1),
            _codec.Probe(PngBuilder.BombHeader(100_000, 100_000)));
    }

    [Fact]
    public void BombHeaderUnderTheLimitReachesTheDecoderAndIsCorrupt()
    {
        Assert.Equal(ImageErrorKind.Corrupt, Assert.Throws<ImageDecodeException>(() =>
            _codec.Decode(PngBuilder.BombHeader(2000, 2000))).Kind);
    }

    [Fact]
    public void PixelLimitComesFromOptions()
    {
        var strict = TestCodec.Create(maxPixels: 100_000);
        var bytes = Fixtures.Read("ochuman_000817.jpg");

        var error = Assert.Throws<ImageDecodeException>(() => strict.Decode(bytes));

        Assert.Equal(ImageErrorKind.TooLarge, error.Kind);
        Assert.Equal(ImageErrorKind.TooLarge, Assert.Throws<ImageDecodeException>(() =>
            strict.DecodeThumbnail(bytes, 32, 32)).Kind);
        Assert.Equal(ImageErrorKind.TooLarge, Assert.Throws<ImageDecodeException>(() =>
            strict.DecodeForAnalysis(bytes, 32)).Kind);
        Assert.Equal(100_000, strict.Info.MaxPixels);
    }

    [Fact]
    public void SvgUploadsAreNotAccepted()
    {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
            """u8.ToArray();

        var error = Assert.Throws<ImageDecodeException>(() => _codec.Decode(svg));

        Assert.Equal(ImageErrorKind.UnsupportedFormat, error.Kind);
        Assert.Contains("SVG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TiffIsRefusedAndLibvipsWillNotLoadItEvenWhenAskedDirectly()
    {
        using var black = NetVips.Image.Black(4, 4);
        var tiff = black.TiffsaveBuffer();

        Assert.Equal(ImageErrorKind.UnsupportedFormat, Assert.Throws<ImageDecodeException>(() => _codec.Decode(tiff))
            .Kind);
        // Loaders outside the accepted formats are blocked inside libvips, so no path that skips the sniffer reaches
        // them.
        Assert.Throws<NetVips.VipsException>(() => NetVips.Image.NewFromBuffer(tiff));
    }

    [Fact]
    public void PngWithCorruptPixelDataIsCorrupt()
    {
        var png = PngBuilder.Build(16, 16, 8, PngBuilder.Rgb, new byte[16 * 16 * 3]);
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        png[idat + 6] ^= 0xFF; // inside the deflate stream; the chunk CRC no longer matches either

        Assert.Equal(ImageErrorKind.Corrupt, Assert.Throws<ImageDecodeException>(() => _codec.Decode(png)).Kind);
    }

    [Fact]
    public void IsAvifReadsTheFtypBrands()
    {
        byte[] avif = [0, 0, 0, 28, .. "ftyp"u8, .. "avif"u8, 0, 0, 0, 0, .. "avif"u8, .. "mif1"u8, .. "miaf"u8];
        byte[] heic = [0, 0, 0, 24, .. "ftyp"u8, .. "heic"u8, 0, 0, 0, 0, .. "mif1"u8, .. "heic"u8];

        Assert.True(ImageSniffer.IsAvif(avif));
        Assert.False(ImageSniffer.IsAvif(heic));
    }
}
