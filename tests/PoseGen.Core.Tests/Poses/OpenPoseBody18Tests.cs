using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Poses;

public sealed class OpenPoseBody18Tests
{
    private static Keypoint[] Coco(float score = 0.9f) =>
        Enumerable.Range(0, CocoKeypoints.Count).Select(i => new Keypoint(i * 10, i * 10 + 1, score)).ToArray();

    [Fact]
    public void ReordersCocoJointsAndPutsTheNeckBetweenTheShoulders()
    {
        var coco = Coco();
        var open = OpenPoseBody18.Convert(coco, 0.3f);
        Assert.Equal(coco[(int)CocoKeypoint.Nose], open[0]);
        Assert.Equal(coco[(int)CocoKeypoint.RightShoulder], open[2]);
        Assert.Equal(coco[(int)CocoKeypoint.LeftWrist], open[7]);
        Assert.Equal(coco[(int)CocoKeypoint.LeftEar], open[17]);
        var (l, r) = (coco[(int)CocoKeypoint.LeftShoulder], coco[(int)CocoKeypoint.RightShoulder]);
        Assert.Equal(new Keypoint((l.X + r.X) / 2, (l.Y + r.Y) / 2, 0.9f), open[1]);
    }

    [Fact]
    public void ZeroesJointsBelowTheThresholdAndTheNeckWhenAShoulderIsMissing()
    {
        var coco = Coco();
        coco[(int)CocoKeypoint.LeftShoulder] = coco[(int)CocoKeypoint.LeftShoulder] with { Score = 0.1f };
        var open = OpenPoseBody18.Convert(coco, 0.3f);
        Assert.Equal(default, open[1]);
        Assert.Equal(default, open[5]);
        Assert.NotEqual(default, open[2]);
    }

    [Fact]
    public void ScalingMapsKeypointsAndBoxIntoTheOtherFrame()
    {
        var pose = new Pose(Coco(), 0.8f, new BoundingBox(10, 20, 30, 40));
        var scaled = pose.Scale(2f, 0.5f);
        Assert.Equal(new Keypoint(20, 0.5f * 11, 0.9f), scaled.Keypoints[1]);
        Assert.Equal(new BoundingBox(20, 10, 60, 20), scaled.Box);
        Assert.Equal(0.8f, scaled.Score);
    }
}
