using NetVips;
using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

[CollectionDefinition(nameof(LibvipsMemoryCollection), DisableParallelization = true)]
public sealed class LibvipsMemoryCollection;

/// <summary>
/// libvips' tracked-memory counter is process-wide, so this runs alone. A fully decoded image holds its pixels in
/// tracked memory until its last reference goes; a leaked VipsImage per call would add megabytes per iteration.
/// </summary>
[Collection(nameof(LibvipsMemoryCollection))]
public sealed class LibvipsImageCodecLeakTests
{
    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Fact]
    public void RepeatedWorkReturnsLibvipsMemory()
    {
        var photo = Fixtures.Read("posetrack18_003418_mpii_test_000000.jpg");
        var truncated = photo[..(photo.Length / 2)];
        // Turning needs random access, whose loader decodes the whole photo into a libvips buffer: a leaked image on
        // that path keeps megabytes of tracked memory until a finalizer runs.
        var turned = JpegFile.WithExifOrientation(photo, 6);
        var decodedBytes = _codec.Decode(photo).Pixels.Length;
        RunWorkload(photo, truncated, turned);
        var baseline = (long)Stats.Mem;

        for (var i = 0; i < 20; i++)
            RunWorkload(photo, truncated, turned);

        var growth = (long)Stats.Mem - baseline;
        // Worker threads may keep a few small tile buffers; one leaked decode alone would exceed this bound.
        Assert.True(growth < decodedBytes / 2, $"libvips tracked memory grew by {growth} bytes over 20 rounds");
    }

    private void RunWorkload(byte[] photo, byte[] truncated, byte[] turned)
    {
        var image = _codec.Decode(photo);
        _codec.Decode(turned);
        _codec.DecodeForAnalysis(turned, 256);
        _codec.DecodeThumbnail(photo, 200, 200, ThumbnailFit.CoverCentre);
        _codec.Encode(_codec.Resize(image, 320, 240), EncodeFormat.Jpeg);
        _codec.Crop(image, 10, 10, 100, 100);
        _codec.RenderSvg(
            """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="20"/></svg>""",
            RgbColor.White);
        Assert.Throws<ImageDecodeException>(() => _codec.Decode(truncated));
        Assert.Throws<ImageDecodeException>(() => _codec.DecodeThumbnail(truncated, 100, 100));
    }
}
