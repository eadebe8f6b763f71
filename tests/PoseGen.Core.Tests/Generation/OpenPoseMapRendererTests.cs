using PoseGen.Core.Generation;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Generation;

public sealed class OpenPoseMapRendererTests
{
    private static Keypoint[] Joints(params (int Index, float X, float Y)[] present)
    {
        var joints = new Keypoint[OpenPoseBody18.Count];
        foreach (var (i, x, y) in present) joints[i] = new Keypoint(x, y, 1);
        return joints;
    }

    private static (byte R, byte G, byte B) At(RgbImage image, int x, int y)
    {
        var o = (y * image.Width + x) * 3;
        return (image.Pixels[o], image.Pixels[o + 1], image.Pixels[o + 2]);
    }

    private static bool Lit(RgbImage image, int x, int y) => At(image, x, y) != (0, 0, 0);

    [Fact]
    public void FilledJointCircleOfRadiusFourIsOpenCvsFortyNinePixelDisc()
    {
        var image = OpenPoseMapRenderer.Render(40, 40, Joints((0, 20.7f, 20.2f)));
        // OpenCV's midpoint walk for r = 4 gives half-widths 4,3,3,2,0 for rows 0..4 away from the centre (int(20.7) =
        // 20).
        int[] halfWidth = [4, 3, 3, 2, 0];
        var expected = new HashSet<(int, int)>();
        for (var dy = -4; dy <= 4; dy++)
            for (var dx = -halfWidth[Math.Abs(dy)]; dx <= halfWidth[Math.Abs(dy)]; dx++)
                expected.Add((20 + dx, 20 + dy));
        var lit = new HashSet<(int, int)>();
        for (var y = 0; y < 40; y++)
            for (var x = 0; x < 40; x++)
                if (Lit(image, x, y)) lit.Add((x, y));
        Assert.Equal(49, expected.Count);
        Assert.Equal(expected, lit);
        Assert.Equal(((byte)255, (byte)0, (byte)0), At(image, 20, 20));
    }

    [Fact]
    public void HorizontalLimbCoversRowsSixteenToTwentyFourInDimmedColour()
    {
        // Neck (1) to right shoulder (2) is limb 0, colour (255, 0, 0); 255 * 0.6 truncates to 153.
        var image = OpenPoseMapRenderer.Render(48, 40, Joints((1, 10, 20), (2, 34, 20)));
        var rows = Enumerable.Range(0, 40).Where(y => Lit(image, 22, y)).ToArray();
        Assert.Equal(Enumerable.Range(16, 9), rows);
        Assert.Equal(((byte)153, (byte)0, (byte)0), At(image, 22, 20));
        Assert.Equal(((byte)153, (byte)0, (byte)0), At(image, 22, 16));
        // Top row: outline samples with 4 sin t >= 3.5 (t in 62..118 degrees) reach 12 cos 62 = 5.6 -> 6 either side;
        // the joint discs add only their apex pixels (10 and 34) on this row.
        int[] edgeRow = [10, .. Enumerable.Range(16, 13), 34];
        Assert.Equal(edgeRow, Enumerable.Range(0, 48).Where(x => Lit(image, x, 16)));
        Assert.Equal(edgeRow, Enumerable.Range(0, 48).Where(x => Lit(image, x, 24)));
        // The ellipse's long half-axis is 12 around x = 22: row 20 is lit from 10 to 34 (joints cover both ends).
        var row = Enumerable.Range(0, 48).Where(x => Lit(image, x, 20)).ToArray();
        Assert.Equal(Enumerable.Range(6, 33), row);
        Assert.Equal(((byte)255, (byte)85, (byte)0), At(image, 10, 20));
        Assert.Equal(((byte)255, (byte)170, (byte)0), At(image, 34, 20));
    }

    [Fact]
    public void LimbColoursAreScaledBySixTenthsAndTruncated()
    {
        // Limb 1 (neck to left shoulder) is (255, 85, 0); limb 2 (right shoulder to elbow) is (255, 170, 0).
        var image = OpenPoseMapRenderer.Render(100, 60, Joints((1, 10, 10), (5, 50, 10), (2, 10, 40), (3, 60, 40)));
        Assert.Equal(((byte)153, (byte)51, (byte)0), At(image, 30, 10));
        Assert.Equal(((byte)153, (byte)102, (byte)0), At(image, 35, 40));
    }

    [Fact]
    public void LaterLimbsPaintOverEarlierOnesAndJointsOverLimbs()
    {
        // Limb 2 (2-3) horizontal and limb 4 (5-6) vertical cross at (30, 30); the neck is missing so limbs 0 and 1 are
        // not drawn.
        var image = OpenPoseMapRenderer.Render(60, 60, Joints((2, 10, 30), (3, 50, 30), (5, 30, 10), (6, 30, 50)));
        Assert.Equal(((byte)102, (byte)153, (byte)0), At(image, 30, 30));
        Assert.Equal(((byte)153, (byte)102, (byte)0), At(image, 20, 30));
        Assert.Equal(((byte)85, (byte)255, (byte)0), At(image, 30, 10));
        Assert.Equal(((byte)0, (byte)0, (byte)0), At(image, 20, 20));
    }

    [Fact]
    public void MissingJointsAndTheirLimbsAreSkipped()
    {
        var joints = Joints((1, 10, 30));
        joints[2] = new Keypoint(50, 30, 0);
        var image = OpenPoseMapRenderer.Render(60, 60, joints);
        Assert.Equal(((byte)255, (byte)85, (byte)0), At(image, 10, 30));
        Assert.Equal(((byte)0, (byte)0, (byte)0), At(image, 30, 30));
        Assert.Equal(((byte)0, (byte)0, (byte)0), At(image, 50, 30));
    }

    [Fact]
    public void RotatedLimbPolygonFollowsTheAnnotatorsIntegerGeometry()
    {
        // From (10, 10) to (40, 40): length 42.43 -> half-axis 21; atan2(-30, -30) = -135 degrees, kept as int.
        var polygon = OpenPoseMapRenderer.LimbPolygon(new Keypoint(10, 10, 1), new Keypoint(40, 40, 1));
        // First sample (t = 0) is the half-axis end: 25 + 21 cos(-135), 25 + 21 sin(-135) = (10.15, 10.15) -> (10, 10).
        Assert.Equal((10, 10), polygon[0]);
        Assert.Equal(polygon[0], polygon[^1]);
        Assert.Contains((40, 40), polygon);
        Assert.All(polygon, p => Assert.InRange(Math.Abs((p.X - 25) - (p.Y - 25)), 0, 12));
    }

    [Fact]
    public void FullBodyUsesOnlyAnnotatorColoursAndShowsEveryJoint()
    {
        var joints = Joints(
            (0, 64, 30), (1, 64, 60), (2, 44, 60), (3, 38, 95), (4, 36, 128), (5, 84, 60), (6, 90, 95), (7, 92, 128),
            (8, 52, 130), (9, 50, 180), (10, 50, 230), (11, 76, 130), (12, 78, 180), (13, 78, 230), (14, 58, 24),
            (15, 70, 24), (16, 50, 28), (17, 78, 28));
        var image = OpenPoseMapRenderer.Render(128, 256, joints);
        var allowed = OpenPoseMapRenderer.Colors
            .SelectMany(c => new[] { c, ((byte)(c.R * 0.6), (byte)(c.G * 0.6), (byte)(c.B * 0.6)) })
            .Append(((byte)0, (byte)0, (byte)0)).ToHashSet();
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                Assert.Contains(At(image, x, y), allowed);
        // Joints 0..13 sit apart from later joints, so their centres show their own full colour.
        for (var i = 0; i < 14; i++)
            Assert.Equal(OpenPoseMapRenderer.Colors[i], At(image, (int)joints[i].X, (int)joints[i].Y));
        Assert.Equal(((byte)0, (byte)0, (byte)0), At(image, 5, 250));
        var shin = OpenPoseMapRenderer.Colors[8];
        Assert.Equal(((byte)(shin.R * 0.6), (byte)(shin.G * 0.6), (byte)(shin.B * 0.6)), At(image, 50, 205));
    }

    [Fact]
    public void CocoPosesDrawANeckBetweenTheShouldersAndDropLowScores()
    {
        var coco = new Keypoint[CocoKeypoints.Count];
        coco[(int)CocoKeypoint.LeftShoulder] = new Keypoint(40, 20, 0.9f);
        coco[(int)CocoKeypoint.RightShoulder] = new Keypoint(20, 20, 0.9f);
        coco[(int)CocoKeypoint.Nose] = new Keypoint(30, 5, 0.1f);
        var pose = new Pose(coco, 0.9f, new BoundingBox(0, 0, 60, 40));
        var image = OpenPoseMapRenderer.Render(60, 40, [pose], threshold: 0.3f);
        Assert.Equal(OpenPoseMapRenderer.Colors[1], At(image, 30, 20));
        Assert.Equal(OpenPoseMapRenderer.Colors[2], At(image, 20, 20));
        Assert.Equal(OpenPoseMapRenderer.Colors[5], At(image, 40, 20));
        Assert.Equal(((byte)0, (byte)0, (byte)0), At(image, 30, 5));
        // Limb 0 (neck to right shoulder) between them, dimmed: (255, 0, 0) * 0.6.
        Assert.Equal(((byte)153, (byte)0, (byte)0), At(image, 25, 20));
    }
}
