using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Similarity;
using static PoseGen.Core.Tests.Poses.SyntheticPoses;

namespace PoseGen.Core.Tests.Poses;

public class PoseComparerTests
{
    private static PoseSimilarity Compare(Keypoint[] reference, Keypoint[] candidate) =>
        PoseComparer.Compare(AsPose(reference), AsPose(candidate))!;

    [Fact]
    public void IdenticalPosesScoreOneHundredWhereverAndHoweverLargeThePersonStands()
    {
        // No rotation: the trunk lean is read against each photo's vertical, so a tilted photo of the same pose is a
        // lean.
        var reference = Standing();
        var moved = Transform(reference, PlanarTransform.Similarity(0.35, 0, 900, 600));
        var result = Compare(reference, moved);
        Assert.Equal(100, result.Score, 1e-6);
        Assert.Equal(1, result.Oks, 1e-9);
        Assert.Equal(1, result.AngleSimilarity, 1e-9);
        Assert.All(result.Joints, j => Assert.Equal(0, j.Distance!.Value, 1e-4));
    }

    [Fact]
    public void ScoreFallsMonotonicallyAsTheDistortionGrows()
    {
        var reference = Standing();
        var scores = new[] { 0, 10, 20, 30, 45, 60, 90 }
            .Select(d => Compare(reference, RaiseArm(BendKnee(reference, left: true, d), left: false, d)).Score)
            .ToList();
        for (var i = 1; i < scores.Count; i++) Assert.True(scores[i] < scores[i - 1],
            $"{scores[i]} !< {scores[i - 1]}");
        Assert.InRange(scores[^1], 0, 100);
    }

    [Fact]
    public void ScoreBandsMatchTheirDocumentedMeaning()
    {
        var reference = Standing();
        var nearlySame = Compare(reference, BendKnee(reference, left: true, 8)).Score;
        Assert.True(nearlySame >= 90, $"{nearlySame}");
        var twoCorrections = Compare(reference, RaiseArm(BendKnee(reference, left: true, 25), left: false, 25)).Score;
        Assert.InRange(twoCorrections, 70, 90);
        // Most angles changed: arms overhead and bent at the elbows, both knees bent, the trunk leaning.
        var differentPose = RaiseArm(RaiseArm(BendKnee(BendKnee(reference, true, 90), false, 90), true, 150), false,
            150);
        differentPose = Rotate(differentPose, CocoKeypoint.LeftElbow, -90, CocoKeypoint.LeftWrist);
        differentPose = LeanUpperBody(Rotate(differentPose, CocoKeypoint.RightElbow, 90, CocoKeypoint.RightWrist), 25);
        var different = Compare(reference, differentPose).Score;
        Assert.True(different < 50, $"{different}");
    }

    [Fact]
    public void ReportsPerJointErrorsInDegreesAndTorsoLengths()
    {
        var reference = Standing();
        var result = Compare(reference, BendKnee(reference, left: true, 30));
        var knee = result.Joints.Single(j => j.Joint == BodyJoint.LeftKnee);
        Assert.Equal(-30, knee.AngleDeltaDeg!.Value, 2.0);
        Assert.Equal(0, knee.Distance!.Value, 1e-3);
        var ankle = result.Joints.Single(j => j.Joint == BodyJoint.LeftAnkle);
        // The shin is 90 px and the torso 140 px: a 30° bend moves the ankle 2·90·sin(15°) = 46.6 px = 0.33 torso
        // lengths.
        Assert.Equal(0.333, ankle.Distance!.Value, 0.01);
        Assert.Null(result.Joints.Single(j => j.Joint == BodyJoint.RightKnee).AngleDeltaDeg is { } d
            && Math.Abs(d) > 0.5 ? d : null);
        Assert.Equal("left_knee", knee.Name);
    }

    [Fact]
    public void TrunkLeanIsMeasuredInTheBodysOwnFrame()
    {
        var facing = JointAngles.Lean(LeanUpperBody(Standing(), -15), KeypointLayout.Coco17)!.Value;
        Assert.Equal(LeanPlane.Lateral, facing.Plane);
        // Facing the camera, the top moving toward image left is a lean to the person's right (negative).
        Assert.Equal(-15, facing.Degrees, 0.5);
        var fromBehind = JointAngles.Lean(FlipImage(LeanUpperBody(Standing(), -15)), KeypointLayout.Coco17)!.Value;
        Assert.Equal(-15, fromBehind.Degrees, 0.5);
    }

    [Fact]
    public void MissingCandidateJointsLowerTheKeypointScore()
    {
        var reference = Standing();
        var candidate = Standing();
        candidate[(int)CocoKeypoint.LeftWrist] = default;
        var result = Compare(reference, candidate);
        Assert.Equal(16.0 / 17, result.Oks, 1e-6);
        Assert.Null(result.Joints[(int)CocoKeypoint.LeftWrist].Distance);
    }
}
