using System.Numerics;
using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.Tests.Workouts;

public class MeasureTests
{
    [Fact]
    public void AngleIsTheInteriorAngleAtTheMiddleJoint()
    {
        Assert.Equal(90, BodyMeasure.Angle(new(0, 0), new(1, 0), new(1, 1))!.Value, 4);
        Assert.Equal(180, BodyMeasure.Angle(new(0, 0), new(1, 0), new(2, 0))!.Value, 4);
        Assert.Null(BodyMeasure.Angle(new(1, 0), new(1, 0), new(2, 0)));
    }

    [Theory]
    [InlineData(0, -1, 0)]
    [InlineData(1, 0, 90)]
    [InlineData(-1, 1, 45)]
    public void TiltIsTheLineAngleFromVertical(float dx, float dy, double expected) =>
        Assert.Equal(expected, BodyMeasure.Tilt(new(5, 5), new(5 + dx, 5 + dy))!.Value, 4);

    [Fact]
    public void LineOffsetIsPositiveBelowTheLineWhicheverWayItRuns()
    {
        // Image coordinates: y grows downward, so a sagging hip has the larger y.
        var sagging = BodyMeasure.LineOffset(new(0, 0), new(1, 0.2f), new(2, 0))!.Value;
        var mirrored = BodyMeasure.LineOffset(new(2, 0), new(1, 0.2f), new(0, 0))!.Value;
        var piked = BodyMeasure.LineOffset(new(0, 0), new(1, -0.2f), new(2, 0))!.Value;

        Assert.Equal(0.1, sagging, 5);
        Assert.Equal(0.1, mirrored, 5);
        Assert.Equal(-0.1, piked, 5);
    }

    [Fact]
    public void SideNeutralMeasureCombinesOnlyTheVisibleSides()
    {
        var knee = new BodyMeasure(new MeasureDefinition(MeasureKind.Angle, ["hip", "knee", "ankle"],
            Combine: SideCombine.Mean));
        var points = new Vector2[CocoKeypoints.Count];
        points[(int)CocoKeypoint.LeftHip] = new(0, 0);
        points[(int)CocoKeypoint.LeftKnee] = new(0, 1);
        points[(int)CocoKeypoint.LeftAnkle] = new(1, 1);
        points[(int)CocoKeypoint.RightHip] = new(0, 0);
        points[(int)CocoKeypoint.RightKnee] = new(0, 1);
        points[(int)CocoKeypoint.RightAnkle] = new(0, 2);
        var visible = Enumerable.Repeat(true, CocoKeypoints.Count).ToArray();

        Assert.Equal(135, knee.Evaluate(points, visible, null)!.Value, 3);
        visible[(int)CocoKeypoint.RightAnkle] = false;
        Assert.Equal(90, knee.Evaluate(points, visible, null)!.Value, 3);
        visible[(int)CocoKeypoint.LeftKnee] = false;
        Assert.Null(knee.Evaluate(points, visible, null));
    }

    [Fact]
    public void RatioMeasuresAreScaleFree()
    {
        var rise = new BodyMeasure(new MeasureDefinition(MeasureKind.Rise, ["knee", "hip"],
            ["left_shoulder", "right_shoulder"]));
        var visible = Enumerable.Repeat(true, CocoKeypoints.Count).ToArray();
        double? At(float scale)
        {
            var p = new Vector2[CocoKeypoints.Count];
            p[(int)CocoKeypoint.LeftShoulder] = new Vector2(0.1f, 0) * scale;
            p[(int)CocoKeypoint.RightShoulder] = new Vector2(-0.1f, 0) * scale;
            p[(int)CocoKeypoint.LeftHip] = p[(int)CocoKeypoint.RightHip] = new Vector2(0, 0.3f) * scale;
            p[(int)CocoKeypoint.LeftKnee] = p[(int)CocoKeypoint.RightKnee] = new Vector2(0, 0.5f) * scale;
            return rise.Evaluate(p, visible, null);
        }

        Assert.Equal(1.0, At(1)!.Value, 4);
        Assert.Equal(1.0, At(3)!.Value, 4);
    }
}
