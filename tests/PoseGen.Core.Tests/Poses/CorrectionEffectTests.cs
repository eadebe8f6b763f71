using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Feedback;
using PoseGen.Core.Poses.Similarity;
using static PoseGen.Core.Tests.Poses.SyntheticPoses;

namespace PoseGen.Core.Tests.Poses;

public sealed class CorrectionEffectTests
{
    /// <summary>
    /// A squat drawn on the standing figure: both thighs swung out 80 degrees, both knees bent back 90.
    /// </summary>
    private static Keypoint[] Squat()
    {
        var pose = Rotate(Standing(), CocoKeypoint.LeftHip, -80, CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle);
        pose = Rotate(pose, CocoKeypoint.RightHip, 80, CocoKeypoint.RightKnee, CocoKeypoint.RightAnkle);
        pose = Rotate(pose, CocoKeypoint.LeftKnee, 90, CocoKeypoint.LeftAnkle);
        return Rotate(pose, CocoKeypoint.RightKnee, -90, CocoKeypoint.RightAnkle);
    }

    private static (PoseSimilarity Similarity, IReadOnlyDictionary<string, double> Gains) Measure(Keypoint[] reference,
        Keypoint[] candidate)
    {
        var similarity = PoseComparer.Compare(AsPose(reference), AsPose(candidate))!;
        return (similarity, CorrectionEffect.ScoreGains(reference, candidate, similarity));
    }

    [Fact]
    public void FixingTheOnlyWrongJointGainsWhatTheScoreLacks()
    {
        var reference = Standing();
        var (similarity, gains) = Measure(reference, Rotate(reference, CocoKeypoint.LeftElbow, -100,
            CocoKeypoint.LeftWrist));

        Assert.True(similarity.Score < 92, $"score {similarity.Score:0.0}");
        Assert.InRange(similarity.Score + gains["left_elbow"], 99, 100.01);
        Assert.All(gains.Where(g => g.Key != "left_elbow"), g => Assert.InRange(g.Value, -0.5, 0.5));
    }

    [Fact]
    public void AgainstASquatTheLegsComeBeforeABentElbow()
    {
        // Degrees alone put the 130-degree elbow first; what the legs change in the whole pose counts for more.
        var candidate = Rotate(Standing(), CocoKeypoint.LeftElbow, -130, CocoKeypoint.LeftWrist);
        var (similarity, gains) = Measure(Squat(), candidate);

        var byDegrees = FeedbackWriter.Describe(similarity);
        var byEffect = FeedbackWriter.Describe(similarity, gains);

        Assert.Equal(AngleKind.Elbow, byDegrees.Corrections[0].Kind);
        Assert.Contains(byEffect.Corrections[0].Kind, new[] { AngleKind.Hip, AngleKind.Knee });
        Assert.True(gains[byEffect.Corrections[0].Kind == AngleKind.Hip ? "left_hip" : "left_knee"]
            > gains["left_elbow"]);
        Assert.True(byEffect.Corrections.Zip(byEffect.Corrections.Skip(1))
            .All(p => p.First.Importance >= p.Second.Importance));
    }

    [Fact]
    public void GainsFollowTheSideTheAlignmentChoseForAMirroredSelfie()
    {
        var reference = RaiseArm(Standing(), left: false, 90);
        var user = BendKnee(RaiseArm(Standing(), left: false, 90), left: true, 40);
        var (similarity, gains) = Measure(reference, MirroredPhoto(user));

        Assert.True(similarity.Alignment.Mirrored);
        Assert.True(gains["left_knee"] > 5, $"left knee gain {gains["left_knee"]:0.0}");
        Assert.InRange(gains["right_knee"], -0.5, 0.5);
    }
}
