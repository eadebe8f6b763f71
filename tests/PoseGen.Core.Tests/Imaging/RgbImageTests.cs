using PoseGen.Core.Imaging;

namespace PoseGen.Core.Tests.Imaging;

public class RgbImageTests
{
    /// <summary>A 3x2 picture whose pixel at (x, y) is (x, y, 7).</summary>
    private static RgbImage Numbered()
    {
        var pixels = new byte[3 * 2 * 3];
        for (var y = 0; y < 2; y++)
            for (var x = 0; x < 3; x++)
                pixels[((y * 3) + x) * 3] = (byte)x;
        for (var y = 0; y < 2; y++)
            for (var x = 0; x < 3; x++)
                (pixels[(((y * 3) + x) * 3) + 1], pixels[(((y * 3) + x) * 3) + 2]) = ((byte)y, 7);
        return new RgbImage(3, 2, pixels);
    }

    private static (byte X, byte Y) At(RgbImage image, int x, int y) =>
        (image.Pixels[((y * image.Width) + x) * 3], image.Pixels[(((y * image.Width) + x) * 3) + 1]);

    [Fact]
    public void AClockwiseQuarterTurnPutsTheBottomLeftCornerTopLeft()
    {
        var turned = Numbered().QuarterTurn(clockwise: true);

        Assert.Equal((2, 3), (turned.Width, turned.Height));
        Assert.Equal(((byte)0, (byte)1), At(turned, 0, 0));
        Assert.Equal(((byte)0, (byte)0), At(turned, 1, 0));
        Assert.Equal(((byte)2, (byte)1), At(turned, 0, 2));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(7, turned.Pixels[(i * 3) + 2]));
    }

    [Fact]
    public void TurningOneWayAndBackGivesThePictureBack()
    {
        var image = Numbered();

        Assert.Equal(image.Pixels, image.QuarterTurn(clockwise: true).QuarterTurn(clockwise: false).Pixels);
        Assert.Equal(image.Pixels, image.QuarterTurn(false).QuarterTurn(false).QuarterTurn(false).QuarterTurn(false)
            .Pixels);
        Assert.Equal(((byte)2, (byte)0), At(image.QuarterTurn(clockwise: false), 0, 0));
    }
}
