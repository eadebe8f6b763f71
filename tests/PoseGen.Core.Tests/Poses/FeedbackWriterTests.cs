using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Feedback;
using PoseGen.Core.Poses.Similarity;
using static PoseGen.Core.Tests.Poses.SyntheticPoses;

namespace PoseGen.Core.Tests.Poses;

public class FeedbackWriterTests
{
    private static PoseFeedback Feedback(Keypoint[] reference, Keypoint[] candidate) =>
        FeedbackWriter.Describe(PoseComparer.Compare(AsPose(reference), AsPose(candidate))!);

    [Theory]
    [InlineData(true, "Straighten your left knee about 30 degrees.")]
    [InlineData(false, "Straighten your right knee about 30 degrees.")]
    public void ABentKneeIsNamedByTheUsersOwnSide(bool left, string expected)
    {
        var reference = Standing();
        var feedback = Feedback(reference, BendKnee(reference, left, 30));
        Assert.Equal(expected, feedback.Corrections[0].Text);
    }

    [Fact]
    public void SidesStayAnatomicalWhenThePersonIsSeenFromBehind()
    {
        // Flipping the image x keeps the labels: the left knee is now on image left, and must still be called left.
        var reference = FlipImage(Standing());
        var candidate = FlipImage(BendKnee(Standing(), left: true, 30));
        var feedback = Feedback(reference, candidate);
        Assert.Equal("Straighten your left knee about 30 degrees.", feedback.Corrections[0].Text);
        Assert.Null(feedback.Note);
    }

    [Fact]
    public void AMirroredSelfieIsDetectedAndSidesReferToTheUsersBody()
    {
        // The reference raises the right arm; the user does too but bends the left knee, photographed as a mirrored
        // selfie.
        var reference = RaiseArm(Standing(), left: false, 90);
        var user = BendKnee(RaiseArm(Standing(), left: false, 90), left: true, 30);
        var feedback = Feedback(reference, MirroredPhoto(user));
        Assert.Equal("Straighten your left knee about 30 degrees.", feedback.Corrections[0].Text);
        Assert.NotNull(feedback.Note);
    }

    [Fact]
    public void ArmHeightIsPhrasedAgainstShoulderHeight()
    {
        var reference = RaiseArm(Standing(), left: false, 90);
        var feedback = Feedback(reference, Standing());
        Assert.Equal("Raise your right arm to shoulder height.", feedback.Corrections[0].Text);
        Assert.Equal("Lower your left arm to your side.", Feedback(Standing(), RaiseArm(Standing(), true, 60))
            .Corrections[0].Text);
    }

    [Theory]
    [InlineData(-15, "Lean your torso less to the right, about 15 degrees.")]
    [InlineData(20, "Lean your torso less to the left, about 20 degrees.")]
    public void TrunkLeanNamesTheSideTheUserLeansTo(double imageDegrees, string expected)
    {
        // Facing the camera: top toward image left (negative) is the user's right.
        var reference = Standing();
        Assert.Equal(expected, Feedback(reference, LeanUpperBody(reference, imageDegrees)).Corrections[0].Text);
        Assert.Equal(expected, Feedback(FlipImage(reference), FlipImage(LeanUpperBody(reference, imageDegrees)))
            .Corrections[0].Text);
    }

    [Fact]
    public void GivesAtMostThreeCorrectionsMostImportantFirstAndListsWhatIsGood()
    {
        var reference = Standing();
        var candidate = BendKnee(BendKnee(RaiseArm(RaiseArm(reference, true, 20), false, 45), true, 60), false, 15);
        var feedback = Feedback(reference, candidate);
        Assert.Equal(3, feedback.Corrections.Count);
        Assert.StartsWith("Straighten your left knee", feedback.Corrections[0].Text, StringComparison.Ordinal);
        Assert.True(feedback.Corrections.Zip(feedback.Corrections.Skip(1))
            .All(p => p.First.Importance >= p.Second.Importance));
        Assert.Contains("Your left elbow matches the reference.", feedback.Good);
        Assert.Contains("Your torso lean matches the reference.", feedback.Good);
    }

    [Fact]
    public void APerfectMatchNeedsNoCorrection()
    {
        var feedback = Feedback(Standing(), Standing());
        Assert.Empty(feedback.Corrections);
        Assert.Equal(9, feedback.Good.Count);
    }
}
