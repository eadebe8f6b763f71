using PoseGen.Inference.Context;

namespace PoseGen.Inference.Tests.Context;

public sealed class CenterNetDecodeTests
{
    [Fact]
    public void RowsBecomeCocoObjectsInPhotoPixels()
    {
        // A 512 input stretched from a 1024 x 256 photo: x scales by 2, y by 0.5. Class 37 is surfboard, 0 person.
        float[] rows = [100, 200, 300, 400, 0.9f, 37, 0, 0, 512, 512, 0.5f, 0];
        var objects = CenterNetObjectDetector.Decode(rows, 512, 1024, 256, minScore: 0.2f);
        Assert.Equal(["surfboard", "person"], objects.Select(o => o.Label));
        var board = objects[0].Box;
        Assert.Equal((200f, 100f, 400f, 100f), (board.X, board.Y, board.Width, board.Height));
        Assert.Equal((0f, 0f, 1024f, 256f), (objects[1].Box.X, objects[1].Box.Y, objects[1].Box.Width,
            objects[1].Box.Height));
    }

    [Fact]
    public void LowScoresAndSameClassDuplicatesAreDropped()
    {
        float[] rows =
        [
            10, 10, 110, 110, 0.8f, 27,  // tie
            12, 12, 112, 112, 0.7f, 27,  // the same tie again (IoU about 0.96)
            12, 12, 112, 112, 0.6f, 26,  // a handbag in the same place: another class, kept
            300, 300, 400, 400, 0.1f, 2, // a car below the floor
        ];
        var objects = CenterNetObjectDetector.Decode(rows, 512, 512, 512, minScore: 0.2f);
        Assert.Equal(["tie", "handbag"], objects.Select(o => o.Label));
    }

    [Fact]
    public void StretchAveragesNeighboursAndScales()
    {
        // 2 x 1 image, black then white, stretched to 2 x 2: half-pixel centres hit the source pixels exactly.
        byte[] rgb = [0, 0, 0, 255, 255, 255];
        var output = new float[2 * 2 * 3];
        ContextPreprocessing.Stretch(rgb, 2, 1, 2, 1f / 255, output);
        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1], output);
        var one = new float[3];
        ContextPreprocessing.Stretch(rgb, 2, 1, 1, 1f, one);
        Assert.Equal([127.5f, 127.5f, 127.5f], one);
    }
}
