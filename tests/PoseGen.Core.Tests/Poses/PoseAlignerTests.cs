using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using static PoseGen.Core.Tests.Poses.SyntheticPoses;

namespace PoseGen.Core.Tests.Poses;

public class PoseAlignerTests
{
    private static readonly KeypointLayout Coco = KeypointLayout.Coco17;

    private static void AssertLandsOn(Keypoint[] reference, IReadOnlyList<Keypoint> aligned, double tolerancePx,
        IEnumerable<int>? joints = null)
    {
        foreach (var i in joints ?? Enumerable.Range(0, reference.Length))
        {
            Assert.Equal(reference[i].X, aligned[i].X, tolerancePx);
            Assert.Equal(reference[i].Y, aligned[i].Y, tolerancePx);
        }
    }

    [Fact]
    public void UndoesASimilarityExactly()
    {
        var reference = Standing();
        var candidate = Transform(reference, PlanarTransform.Similarity(0.6, 0.4, 310, -40));
        var result = PoseAligner.Align(AsPose(reference), AsPose(candidate))!;
        Assert.Equal(AlignmentModel.Similarity, result.Model);
        Assert.False(result.Mirrored);
        AssertLandsOn(reference, result.AlignedCandidate, 0.01);
        Assert.True(result.AnchorError < 1e-4);
    }

    [Fact]
    public void UndoesAnAffineCameraChangeExactly()
    {
        var reference = Standing();
        var candidate = Transform(reference, PlanarTransform.Affine(0.8, 0.15, 20, -0.1, 1.1, 35));
        var result = PoseAligner.Align(reference, candidate, Coco,
            new AlignmentOptions { Model = AlignmentModel.Affine, ShapePrior = 0 })!;
        Assert.Equal(AlignmentModel.Affine, result.Model);
        AssertLandsOn(reference, result.AlignedCandidate, 0.01);
    }

    [Fact]
    public void UndoesAPerspectiveCameraChangeExactlyOnAnOpenPoseTorso()
    {
        // OpenPose torso: neck, shoulders, hips = five anchors, one more than a homography needs.
        var layout = KeypointLayout.OpenPose18;
        var coco = Standing();
        var neck = new Keypoint((coco[5].X + coco[6].X) / 2, ((coco[5].Y + coco[6].Y) / 2) + 4, 0.9f);
        var reference = layout.Joints.Select(j => j == BodyJoint.Neck ? neck : coco[Coco.IndexOf(j)]).ToArray();
        var camera = new PlanarTransform(0.9, 0.05, 15, -0.04, 1.05, 8, 0.0004, 0.0002, 1);
        var result = PoseAligner.Align(reference, Transform(reference, camera), layout,
            new AlignmentOptions { Model = AlignmentModel.Perspective })!;
        Assert.Equal(AlignmentModel.Perspective, result.Model);
        AssertLandsOn(reference, result.AlignedCandidate, 0.05);
    }

    [Fact]
    public void KeepsARealLimbDifferenceInsteadOfAbsorbingIt()
    {
        var reference = Standing();
        var bent = BendKnee(reference, left: true, 40);
        var candidate = Transform(bent, PlanarTransform.Similarity(1.3, -0.2, -50, 20));
        foreach (var model in Enum.GetValues<AlignmentModel>())
        {
            var result = PoseAligner.Align(reference, candidate, Coco, new AlignmentOptions { Model = model })!;
            AssertLandsOn(reference, result.AlignedCandidate, 0.05, Coco.TorsoAnchors);
            var ankle = (int)CocoKeypoint.LeftAnkle;
            Assert.Equal(bent[ankle].X, result.AlignedCandidate[ankle].X, 0.5);
            Assert.True(Math.Abs(result.AlignedCandidate[ankle].X - reference[ankle].X) > 40);
        }
    }

    [Fact]
    public void IgnoresAWrongTorsoKeypoint()
    {
        var layout = KeypointLayout.OpenPose18;
        var coco = Standing();
        var reference = layout.Joints.Select(j => j == BodyJoint.Neck
            ? new Keypoint(200, 112, 0.9f) : coco[Coco.IndexOf(j)]).ToArray();
        var truth = PlanarTransform.Similarity(0.7, 0.3, 40, 10);
        var candidate = Transform(reference, truth);
        var hip = layout.IndexOf(BodyJoint.LeftHip);
        candidate[hip] = candidate[hip] with { X = candidate[hip].X + 90, Y = candidate[hip].Y - 60 };
        foreach (var model in new[] { AlignmentModel.Similarity, AlignmentModel.Affine })
        {
            var result = PoseAligner.Align(reference, candidate, layout, new AlignmentOptions { Model = model })!;
            Assert.Equal([hip], result.RejectedAnchors);
            AssertLandsOn(reference, result.AlignedCandidate, 0.5, Enumerable.Range(0, 18).Where(i => i != hip));
        }
    }

    [Fact]
    public void FallsBackToASmallerModelWhenTorsoJointsAreMissing()
    {
        var reference = Standing();
        var candidate = Transform(reference, PlanarTransform.Similarity(1.1, 0.1, 5, 5));
        candidate[(int)CocoKeypoint.LeftShoulder] = default;
        candidate[(int)CocoKeypoint.RightHip] = default;
        var result = PoseAligner.Align(reference, candidate, Coco,
            new AlignmentOptions { Model = AlignmentModel.Perspective })!;
        Assert.Equal(AlignmentModel.Similarity, result.Model);
        Assert.Equal(AlignmentModel.Perspective, result.RequestedModel);
        AssertLandsOn(reference, result.AlignedCandidate, 0.05, [(int)CocoKeypoint.Nose, (int)CocoKeypoint.LeftKnee]);
    }

    [Fact]
    public void GivesNoAlignmentWithoutTwoSharedJoints()
    {
        var candidate = new Keypoint[17];
        candidate[0] = new Keypoint(10, 10, 0.9f);
        Assert.Null(PoseAligner.Align(Standing(), candidate, Coco));
    }

    [Fact]
    public void DetectsAMirroredPhotoAndAlignsTheUnmirroredBody()
    {
        var reference = RaiseArm(Standing(), left: false, 90);
        var candidate = Transform(MirroredPhoto(reference), PlanarTransform.Similarity(0.9, 0.05, 30, 12));
        var result = PoseAligner.Align(reference, candidate, Coco)!;
        Assert.True(result.Mirrored);
        Assert.True(result.UnmirroredBodyError > result.BodyError);
        AssertLandsOn(reference, result.AlignedCandidate, 0.05);
    }

    [Fact]
    public void DoesNotCallAnAsymmetricButUnmirroredPoseMirrored()
    {
        var reference = RaiseArm(Standing(), left: false, 90);
        var candidate = Transform(RaiseArm(reference, left: true, 30), PlanarTransform.Similarity(0.9, 0.05, 30, 12));
        var result = PoseAligner.Align(reference, candidate, Coco)!;
        Assert.False(result.Mirrored);
    }

    [Fact]
    public void MirrorHandlingCanBeSwitchedOff()
    {
        var reference = RaiseArm(Standing(), left: false, 90);
        var result = PoseAligner.Align(reference, MirroredPhoto(reference), Coco,
            new AlignmentOptions { TryMirror = false })!;
        Assert.False(result.Mirrored);
    }

    [Fact]
    public void AnchorsOnEveryJointWhenTheSeenTorsoJointsAreBunchedTogether()
    {
        // Side-on: both shoulders within a few pixels, hips below the confidence floor. Two nearly coincident anchors
        // fix no rotation, so the whole body anchors instead.
        var reference = Standing();
        reference[(int)CocoKeypoint.RightShoulder] = reference[(int)CocoKeypoint.LeftShoulder] with { X =
            reference[(int)CocoKeypoint.LeftShoulder].X - 4 };
        var candidate = Transform(reference, PlanarTransform.Similarity(1.2, 0.5, 30, -20));
        candidate[(int)CocoKeypoint.LeftHip] = candidate[(int)CocoKeypoint.LeftHip] with { Score = 0.1f };
        candidate[(int)CocoKeypoint.RightHip] = candidate[(int)CocoKeypoint.RightHip] with { Score = 0.1f };
        candidate[(int)CocoKeypoint.RightShoulder] = candidate[(int)CocoKeypoint.RightShoulder] with { X =
            candidate[(int)CocoKeypoint.RightShoulder].X + 3 };
        var result = PoseAligner.Align(reference, candidate, Coco)!;
        Assert.True(result.UsedAllJoints);
        AssertLandsOn(reference, result.AlignedCandidate, 1.0, [(int)CocoKeypoint.Nose, (int)CocoKeypoint.LeftAnkle,
            (int)CocoKeypoint.RightWrist]);
    }
}
