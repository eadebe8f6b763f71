using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Tests.Poses;

public class KeypointLayoutTests
{
    [Fact]
    public void Coco17FollowsTheCocoKeypointOrderAndNames()
    {
        var layout = KeypointLayout.Coco17;
        Assert.Equal(CocoKeypoints.Names, layout.Names);
        Assert.Equal((int)CocoKeypoint.LeftKnee, layout.IndexOf(BodyJoint.LeftKnee));
        Assert.Equal(-1, layout.IndexOf(BodyJoint.Neck));
        Assert.Equal(17, layout.Sigmas.Count);
        Assert.Equal(0.107, layout.Sigmas[(int)CocoKeypoint.LeftHip]);
    }

    [Fact]
    public void OpenPose18HasANeckAndItsOwnOrder()
    {
        var layout = KeypointLayout.OpenPose18;
        Assert.Equal(18, layout.Count);
        Assert.Equal(1, layout.IndexOf(BodyJoint.Neck));
        Assert.Equal(2, layout.IndexOf(BodyJoint.RightShoulder));
        Assert.Equal(11, layout.IndexOf(BodyJoint.LeftHip));
        Assert.Equal([1, 5, 2, 11, 8], layout.TorsoAnchors);
    }

    [Theory]
    [InlineData("coco17")]
    [InlineData("openpose18")]
    public void MirrorPairsSwapSidesAndKeepCentralJoints(string name)
    {
        var layout = name == "coco17" ? KeypointLayout.Coco17 : KeypointLayout.OpenPose18;
        for (var i = 0; i < layout.Count; i++)
        {
            var mirror = layout.MirrorOf(i);
            Assert.Equal(i, layout.MirrorOf(mirror));
            Assert.Equal(KeypointLayout.Mirror(layout.Joints[i]), layout.Joints[mirror]);
        }
        Assert.Equal(layout.IndexOf(BodyJoint.RightKnee), layout.MirrorOf(layout.IndexOf(BodyJoint.LeftKnee)));
        Assert.Equal(layout.IndexOf(BodyJoint.Nose), layout.MirrorOf(layout.IndexOf(BodyJoint.Nose)));
    }
}
