using PoseGen.Core.Poses;
using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Tests.MoveNet;

public sealed class CropRegionTests
{
    /// <summary>A small standing person in a 4000x3000 photo: hips at (1000, 1500), shoulders 100 px above.</summary>
    private static Keypoint[] SmallPerson(float score = 0.8f)
    {
        var k = new Keypoint[17];
        for (var i = 0; i < 17; i++)
            k[i] = new Keypoint(1000, 1400, score);
        k[(int)CocoKeypoint.Nose] = new(1000, 1350, score);
        k[(int)CocoKeypoint.LeftShoulder] = new(1020, 1400, score);
        k[(int)CocoKeypoint.RightShoulder] = new(980, 1400, score);
        k[(int)CocoKeypoint.LeftHip] = new(1015, 1500, score);
        k[(int)CocoKeypoint.RightHip] = new(985, 1500, score);
        k[(int)CocoKeypoint.LeftAnkle] = new(1015, 1680, score);
        k[(int)CocoKeypoint.RightAnkle] = new(985, 1680, score);
        return k;
    }

    [Fact]
    public void CropIsASquareCentredOnTheHipsCoveringTheBodyWithMargin()
    {
        var crop = CropRegion.AroundKeypoints(SmallPerson(), 4000, 3000, 0.3f, 256);

        Assert.NotNull(crop);
        var w = crop.Value;
        // Torso extent 100 px x 1.9 = 190; body extent (ankles 180 px, nose 150 px) x 1.2 = 216: the body wins.
        Assert.Equal(432f, w.Width, 2);
        Assert.Equal(w.Width, w.Height, 3);
        Assert.Equal(1000f - 216f, w.Left, 2);
        Assert.Equal(1500f - 216f, w.Top, 2);
        Assert.Equal(256, w.InputWidth);
    }

    [Fact]
    public void TorsoMarginWinsForACompactPose()
    {
        var k = SmallPerson();
        for (var i = 0; i < 17; i++)
        {
            if (i is not ((int)CocoKeypoint.LeftShoulder or (int)CocoKeypoint.RightShoulder or (int)CocoKeypoint.LeftHip
                or (int)CocoKeypoint.RightHip))
                k[i] = k[i] with { Score = 0.1f };
        }

        var crop = CropRegion.AroundKeypoints(k, 4000, 3000, 0.3f, 192);

        Assert.Equal(380f, crop!.Value.Width, 2);
    }

    [Fact]
    public void NoCropWithoutAConfidentShoulderAndHip()
    {
        var k = SmallPerson();
        k[(int)CocoKeypoint.LeftHip] = k[(int)CocoKeypoint.LeftHip] with { Score = 0.2f };
        k[(int)CocoKeypoint.RightHip] = k[(int)CocoKeypoint.RightHip] with { Score = 0.1f };

        Assert.Null(CropRegion.AroundKeypoints(k, 4000, 3000, 0.3f, 256));
    }

    [Fact]
    public void OneConfidentHipCentresTheCropOnIt()
    {
        var k = SmallPerson();
        k[(int)CocoKeypoint.RightHip] = new Keypoint(0, 0, 0.05f);

        var crop = CropRegion.AroundKeypoints(k, 4000, 3000, 0.3f, 256)!.Value;

        Assert.Equal(1015f, crop.Left + crop.Width / 2, 2);
        Assert.Equal(1500f, crop.Top + crop.Height / 2, 2);
    }

    [Fact]
    public void NoCropWhenThePersonFillsTheImage()
    {
        // The same person in a 400x400 image: the crop would reach past every edge.
        var k = SmallPerson().Select(p => p with { X = p.X - 800, Y = p.Y - 1300 }).ToArray();

        Assert.Null(CropRegion.AroundKeypoints(k, 400, 400, 0.3f, 256));
    }

    [Fact]
    public void BoxCropAddsAMarginAroundTheLongSide()
    {
        var crop = CropRegion.AroundBox(new BoundingBox(100, 200, 50, 200), 256);

        Assert.Equal(250f, crop.Width, 3);
        Assert.Equal((0f, 175f), (crop.Left, crop.Top));
    }
}
