using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Tests.MoveNet;

public sealed class InputWindowTests
{
    [Fact]
    public void LetterboxOfALandscapeImagePadsTopAndBottomEqually()
    {
        var window = InputWindow.Letterbox(640, 480, 192);

        Assert.Equal(0f, window.Left);
        Assert.Equal(-80f, window.Top);
        Assert.Equal(640f / 192, window.Scale, 5);
        Assert.Equal(640f, window.Width, 3);
        Assert.Equal(640f, window.Height, 3);
    }

    [Fact]
    public void LetterboxOfAPortraitImagePadsLeftAndRightEqually()
    {
        var window = InputWindow.Letterbox(300, 900, 256);

        Assert.Equal(-300f, window.Left);
        Assert.Equal(0f, window.Top);
        Assert.Equal(900f / 256, window.Scale, 5);
    }

    [Fact]
    public void NormalisedCornersOfALetterboxMapToThePaddedSquare()
    {
        var window = InputWindow.Letterbox(640, 480, 192);

        Assert.Equal((0f, -80f), window.ToSource(0, 0));
        Assert.Equal((640f, 560f), window.ToSource(1, 1));
        // The image centre stays the input centre.
        Assert.Equal((320f, 240f), window.ToSource(0.5f, 0.5f));
    }

    [Fact]
    public void SquareWindowIsCentredOnThePoint()
    {
        var window = InputWindow.Square(100, 200, 50, 256);

        Assert.Equal((75f, 175f), window.ToSource(0, 0));
        Assert.Equal((125f, 225f), window.ToSource(1, 1));
    }

    [Theory]
    [InlineData(640, 480, 256, 256, 192)]
    [InlineData(480, 640, 256, 192, 256)]
    [InlineData(1000, 1000, 256, 256, 256)]
    [InlineData(4000, 1000, 256, 256, 64)]
    [InlineData(665, 1000, 256, 192, 256)]
    [InlineData(602, 900, 256, 192, 256)]
    public void MultiposeInputKeepsTheLongSideAndPadsTheShortSideToAMultipleOf32(
        int width, int height, int maxDimension, int expectedWidth, int expectedHeight)
    {
        var window = InputWindow.Multipose(width, height, maxDimension);

        Assert.Equal(expectedWidth, window.InputWidth);
        Assert.Equal(expectedHeight, window.InputHeight);
        Assert.Equal((0f, 0f), (window.Left, window.Top));
        Assert.Equal((float)Math.Max(width, height) / Math.Max(expectedWidth, expectedHeight), window.Scale, 5);
        Assert.True(window.Width >= width - 1e-3 && window.Height >= height - 1e-3);
    }
}
