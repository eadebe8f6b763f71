using System.Xml.Linq;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Library;

public class ProjectionTests
{
    private static readonly PoseLibrary Lib = PoseLibrary.Default;

    [Fact]
    public void OpenPoseNeckIsTheMeanOfTheShouldersAndSlotsFollowTheOpenPoseOrder()
    {
        var coco = Lib.Project(Lib.Find("warrior-2")!, PoseView.Front).ToCoco();
        var op = Lib.Project(Lib.Find("warrior-2")!, PoseView.Front).ToOpenPose();
        Assert.Equal(18, op.Count);
        Assert.Equal((coco[CocoKeypoint.LeftShoulder].X + coco[CocoKeypoint.RightShoulder].X) / 2, op[1].X, 3);
        Assert.Equal(coco[CocoKeypoint.RightShoulder], op[2]);
        Assert.Equal(coco[CocoKeypoint.LeftAnkle], op[13]);
        Assert.Equal(coco[CocoKeypoint.RightEar], op[16]);
        // Warrior II looks over the left hand, so the left ear faces away: OpenPose marks it not detected.
        Assert.Equal(default, op[17]);
    }

    [Fact]
    public void FrontViewPutsTheSubjectsLeftOnTheImageRightAndSideViewHidesTheFarEye()
    {
        var mountain = Lib.Find("mountain")!;
        var front = Lib.Project(mountain, PoseView.Front).ToCoco();
        Assert.True(front[CocoKeypoint.LeftShoulder].X > front[CocoKeypoint.RightShoulder].X);
        Assert.All(front.Keypoints, k => Assert.Equal(1f, k.Score));
        var side = Lib.Project(mountain, PoseView.Side).ToCoco();
        Assert.Equal(0f, side[CocoKeypoint.LeftEye].Score);
        Assert.Equal(1f, side[CocoKeypoint.RightEye].Score);
    }

    [Fact]
    public void BodyProportionsFromAProjectedLibraryPoseMatchTheDefaults()
    {
        var coco = Lib.Project(Lib.Find("mountain")!, PoseView.Front).ToCoco();
        var estimated = BodyProportions.FromKeypoints(coco);
        var d = BodyProportions.Default;
        Assert.Equal(d.Thigh, estimated.Thigh, 2);
        Assert.Equal(d.UpperArm, estimated.UpperArm, 2);
        Assert.Equal(d.Shank, estimated.Shank, 2);
    }

    [Fact]
    public void BodyProportionsFromKeypointsFollowAPersonWithLongerLegs()
    {
        var d = BodyProportions.Default;
        var longLegs = d with { Thigh = d.Thigh * 1.1, Shank = d.Shank * 1.1 };
        var coco = PoseProjection.Project(Lib.Ground(Lib.Find("mountain")!, longLegs).Body, PoseView.Front).ToCoco();
        var estimated = BodyProportions.FromKeypoints(coco);
        Assert.InRange(estimated.Thigh / estimated.UpperArm, 1.07 * d.Thigh / d.UpperArm, 1.13 * d.Thigh / d.UpperArm);
    }

    [Fact]
    public void MannequinIsValidSvgWithEveryPartAndFarPartsPaintedFirst()
    {
        var projected = Lib.Project(Lib.Find("warrior-2")!, PoseView.Side);
        var svg = XDocument.Parse(MannequinSvg.Render(projected));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var groups = svg.Root!.Elements(ns + "g").ToList();
        Assert.Equal(14, groups.Count);
        // Colours darken with distance, so painting far-to-near means fills get lighter (never darker) along the
        // document.
        var fills = svg.Root.Elements().Where(e => e.Name != ns + "rect" && e.Name != ns + "line")
            .Select(e => (string?)e.Attribute("fill") ?? (string)e.Elements().First().Attribute("fill")!)
            .Select(f => Convert.ToInt32(f[1..3], 16)).ToList();
        Assert.Equal(fills.Order().ToList(), fills);
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenPoseSvgDrawsSeventeenLimbsInControlNetColours()
    {
        var projected = Lib.Project(Lib.Find("mountain")!, PoseView.Front);
        var svg = XDocument.Parse(OpenPoseSvg.Render(projected));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var lines = svg.Root!.Elements(ns + "line").ToList();
        Assert.Equal(17, lines.Count);
        Assert.Equal("#ff0000", (string)lines[0].Attribute("stroke")!);
        Assert.Equal(18, svg.Root.Elements(ns + "circle").Count());
        var side = XDocument.Parse(OpenPoseSvg.Render(Lib.Project(Lib.Find("mountain")!, PoseView.Side)));
        Assert.True(side.Root!.Elements(ns + "line").Count() < 17);
    }
}
