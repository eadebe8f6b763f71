using PoseGen.Core.Library;

namespace PoseGen.Core.Tests.Library;

/// <summary>
/// Each limitation's rule catches a library pose stripped of its warning; resting supports are let through.
/// </summary>
public sealed class ContraindicationRulesTests
{
    private static LibraryPose Without(string poseId, string limitation)
    {
        var pose = PoseLibrary.Default.Find(poseId)!;
        Assert.Contains(limitation, pose.Contraindications);
        return pose with { Contraindications = [.. pose.Contraindications.Where(c => c != limitation)] };
    }

    [Theory]
    [InlineData("push-up", "wrists", "the hands carry weight without the 'wrists' contraindication")]
    [InlineData("table-top", "wrists", "the hands carry weight without the 'wrists' contraindication")]
    [InlineData("forearm-plank", "shoulders", "the arms carry the body without the 'shoulders' contraindication")]
    [InlineData("downward-dog", "shoulders", "the arms carry the body without the 'shoulders' contraindication")]
    [InlineData("headstand", "neck", "the head carries weight without the 'neck' contraindication")]
    [InlineData("headstand", "pregnancy", "it is upside down without the 'pregnancy' contraindication")]
    [InlineData("star-jump", "pregnancy", "it is a jump without the 'pregnancy' contraindication")]
    public void APoseStrippedOfItsWarningIsCaught(string poseId, string limitation, string expected) =>
        Assert.Contains(expected, ContraindicationRules.Violations(Without(poseId, limitation)));

    [Fact]
    public void KneesOnTheFloorTakeTheBodyOffTheShouldersButNotOffTheWrists()
    {
        // Table-top: hands and knees down. The wrists carry weight; the shoulders do not hold the whole body.
        var tableTop = PoseLibrary.Default.Find("table-top")!;
        Assert.DoesNotContain("shoulders", tableTop.Contraindications);
        Assert.Empty(ContraindicationRules.Violations(tableTop));
    }

    [Fact]
    public void RestingHandsAndHeadNeedNoWarningAndEveryExceptionSaysWhy()
    {
        var child = PoseLibrary.Default.Find("childs-pose")!;
        Assert.DoesNotContain("wrists", child.Contraindications);
        Assert.DoesNotContain("neck", child.Contraindications);
        Assert.Empty(ContraindicationRules.Violations(child));
        Assert.All(ContraindicationRules.RestingHands.Concat(ContraindicationRules.RestingHead), e =>
        {
            Assert.NotNull(PoseLibrary.Default.Find(e.Key));
            Assert.False(string.IsNullOrWhiteSpace(e.Value));
        });
    }

    [Fact]
    public void EveryLibraryPoseCarriesTheWarningsItsSupportsCallFor() =>
        Assert.All(PoseLibrary.Default.All, pose => Assert.Empty(ContraindicationRules.Violations(pose)));
}
