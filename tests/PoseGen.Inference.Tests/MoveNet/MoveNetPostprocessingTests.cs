using PoseGen.Core.Poses;
using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Tests.MoveNet;

public sealed class MoveNetPostprocessingTests
{
    [Fact]
    public void SinglePoseOutputIsYThenXThenScoreMappedThroughTheLetterbox()
    {
        // 640x480 letterboxed into 192: the input frame is the 640x640 square starting at (0, -80).
        var window = InputWindow.Letterbox(640, 480, 192);
        var output = new float[51];
        output[0] = 0.5f;   // nose y
        output[1] = 0.25f;  // nose x
        output[2] = 0.9f;
        output[16 * 3] = 0.125f; // right ankle y, in the top padding band
        output[16 * 3 + 1] = 1f;
        output[16 * 3 + 2] = 0.1f;

        var keypoints = MoveNetPostprocessing.ReadKeypoints(output, window);

        Assert.Equal(17, keypoints.Length);
        Assert.Equal(new Keypoint(160, 240, 0.9f), keypoints[0]);
        Assert.Equal(new Keypoint(640, 0, 0.1f), keypoints[16]);
    }

    [Fact]
    public void MultiposeKeepsConfidentPeopleBestFirstWithBoxesInPixels()
    {
        var window = InputWindow.Multipose(512, 256, 256); // scale 2, input 256x128, no padding
        var output = new float[3 * 56];
        WritePerson(output, 0, y: 0.5f, x: 0.25f, box: (0.1f, 0.1f, 0.9f, 0.4f), score: 0.4f);
        WritePerson(output, 1, y: 0.5f, x: 0.75f, box: (0.2f, 0.6f, 0.8f, 0.9f), score: 0.8f);
        WritePerson(output, 2, y: 0.1f, x: 0.1f, box: (0, 0, 0.1f, 0.1f), score: 0.05f);

        var people = MoveNetPostprocessing.ReadMultipose(output, window, minScore: 0.25f);

        Assert.Equal(2, people.Count);
        Assert.Equal(0.8f, people[0].Score);
        Assert.Equal(new Keypoint(384, 128, 0.8f), people[0].Keypoints[0]);
        var box = people[0].Box;
        Assert.Equal(307.2f, box.X, 3);
        Assert.Equal(51.2f, box.Y, 3);
        Assert.Equal(153.6f, box.Width, 3);
        Assert.Equal(153.6f, box.Height, 3);
        Assert.Equal(0.4f, people[1].Score);
    }

    [Fact]
    public void MultiposeRejectsAnOutputThatIsNotWholeInstances() =>
        Assert.Throws<ArgumentException>(() =>
            MoveNetPostprocessing.ReadMultipose(new float[57], InputWindow.Multipose(256, 256, 256), 0.2f));

    [Fact]
    public void PoseScoreIsTheMeanOfKeypointsAtOrAboveTheThreshold()
    {
        Keypoint[] keypoints = [new(0, 0, 0.9f), new(0, 0, 0.3f), new(0, 0, 0.29f), new(0, 0, 0.1f)];

        Assert.Equal(0.6f, MoveNetPostprocessing.PoseScore(keypoints, 0.3f), 5);
        Assert.Equal(0f, MoveNetPostprocessing.PoseScore(keypoints, 0.95f));
    }

    [Fact]
    public void KeypointBoxSpansConfidentKeypointsClippedToTheImage()
    {
        Keypoint[] keypoints = [new(10, 20, 0.9f), new(-5, 50, 0.8f), new(70, 40, 0.5f), new(300, 300, 0.1f)];

        var box = MoveNetPostprocessing.KeypointBox(keypoints, 0.3f, 100, 100);

        Assert.Equal(new BoundingBox(0, 20, 70, 30), box);
    }

    private static void WritePerson(float[] output, int index, float y, float x,
        (float YMin, float XMin, float YMax, float XMax) box, float score)
    {
        var o = index * 56;
        for (var k = 0; k < 17; k++)
        {
            output[o + k * 3] = y;
            output[o + k * 3 + 1] = x;
            output[o + k * 3 + 2] = score;
        }
        (output[o + 51], output[o + 52], output[o + 53], output[o + 54], output[o + 55]) =
            (box.YMin, box.XMin, box.YMax, box.XMax, score);
    }
}
