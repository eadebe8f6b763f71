using PoseGen.Imaging.Tests.TestData;

namespace PoseGen.Imaging.Tests;

public sealed class LibvipsImageCodecSvgTests
{
    // 60x20 canvas: opaque red square, half-transparent blue square, then 20 px left empty.
    private const string Squares = """
        <svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">
          <rect x="0" y="0" width="20" height="20" fill="#ff0000"/>
          <rect x="20" y="0" width="20" height="20" fill="#0000ff" fill-opacity="0.5"/>
        </svg>
        """;

    private readonly LibvipsImageCodec _codec = TestCodec.Create();

    [Fact]
    public void RendersAtTheSvgSizeWithShapeColoursAtKnownPoints()
    {
        var image = _codec.RenderSvg(Squares, RgbColor.Black);

        Assert.Equal((60, 20), (image.Width, image.Height));
        Assert.Equal((255, 0, 0), TestCodec.PixelAt(image, 10, 10));
        var (r, g, b) = TestCodec.PixelAt(image, 30, 10);
        Assert.Equal((0, 0), (r, g));
        Assert.InRange(b, 126, 129); // 50% blue over black
        Assert.Equal((0, 0, 0), TestCodec.PixelAt(image, 50, 10));
    }

    [Fact]
    public void UncoveredAndTranslucentAreasShowTheBackground()
    {
        var image = _codec.RenderSvg(Squares, new RgbColor(0, 255, 0));

        Assert.Equal((0, 255, 0), TestCodec.PixelAt(image, 50, 10));
        var (r, g, b) = TestCodec.PixelAt(image, 30, 10);
        Assert.Equal(0, r);
        Assert.InRange(g, 126, 129);
        Assert.InRange(b, 126, 129);
    }

    [Fact]
    public void DrawsLinesAndCirclesLikeAPoseMap()
    {
        const string pose = """
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
              <line x1="10" y1="50" x2="90" y2="50" stroke="#ffffff" stroke-width="6"/>
              <circle cx="50" cy="20" r="8" fill="#00ff00"/>
            </svg>
            """;

        var image = _codec.RenderSvg(pose, RgbColor.Black);

        Assert.Equal((255, 255, 255), TestCodec.PixelAt(image, 30, 50));
        Assert.Equal((0, 255, 0), TestCodec.PixelAt(image, 50, 20));
        Assert.Equal((0, 0, 0), TestCodec.PixelAt(image, 50, 80));
    }

    [Fact]
    public void InvalidSvgIsCorruptWithLibvipsMessage()
    {
        var error = Assert.Throws<ImageDecodeException>(() => _codec.RenderSvg("<svg><rect", RgbColor.White));

        Assert.Equal(ImageErrorKind.Corrupt, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.LibvipsMessage));
    }

    [Fact]
    public void CanvasOverThePixelLimitIsRefusedBeforeRendering()
    {
        const string huge = """
            <svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="10" height="10"/></svg>
            """;

        Assert.Equal(ImageErrorKind.TooLarge, Assert.Throws<ImageDecodeException>(() =>
            _codec.RenderSvg(huge, RgbColor.White)).Kind);
    }
}
