using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;
using PoseGen.Core.Recommendations;

namespace PoseGen.Core.Tests.Recommendations;

public class PoseRecommenderTests
{
    private static readonly PoseLibrary Lib = PoseLibrary.Default;

    [Fact]
    public void BeachDressElegantPromptGivesStandingPhotoPosesWithReasons()
    {
        var context = RecommendationContext.FromPrompt(PromptParser.Default.Parse(
            "golden hour on the beach in a summer dress, I want something elegant"));
        var profile = new UserProfile(new HashSet<Goal> { Goal.Aesthetics }, Level.Beginner, new HashSet<Limitation>(),
            [], null);
        var result = new PoseRecommender(Lib).Recommend(new RecommendationRequest(profile, context, Count: 6));
        Assert.Equal(6, result.Poses.Count);
        Assert.All(result.Poses, r => Assert.Contains("dress", r.Pose.Outfits));
        Assert.Equal(PoseCategory.Photo, result.Poses[0].Pose.Category);
        Assert.Contains(result.Poses[0].Reasons, s => s.Contains("beach", StringComparison.Ordinal));
        Assert.Contains(result.Poses[0].Reasons, s => s.Contains("elegant", StringComparison.Ordinal));
    }

    [Fact]
    public void AMoodReadFromAHintQuotesTheHintInsteadOfClaimingAWish()
    {
        // "sunset" hints at romantic (0.4); nobody asked for romantic.
        var context = RecommendationContext.FromPrompt(PromptParser.Default.Parse("sunset at the beach"));
        var profile = new UserProfile(new HashSet<Goal> { Goal.Aesthetics }, Level.Beginner, new HashSet<Limitation>(),
            [], null);
        var ranked = new PoseRecommender(Lib).Rank(new RecommendationRequest(profile, context));

        var reasons = ranked.SelectMany(r => r.Reasons).ToList();
        Assert.DoesNotContain(reasons, s => s.Contains("feel you asked for", StringComparison.Ordinal));
        Assert.Contains(reasons, s => s.Contains("romantic feel, which suits \"sunset\"", StringComparison.Ordinal));

        var asked = new PoseRecommender(Lib).Rank(new RecommendationRequest(profile,
            RecommendationContext.FromPrompt(PromptParser.Default.Parse("something romantic at the beach"))));
        Assert.Contains(asked.SelectMany(r => r.Reasons), s => s.Contains("romantic feel you asked for",
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hug-knees")]
    [InlineData("easy-pose")]
    [InlineData("seated-twist")]
    public void PosesThatLoadADeeplyBentKneeAreNeverOfferedWithBadKnees(string id)
    {
        // "Sitting, Hugging the Knees" was offered to a user with bad knees (PoseRules.DeepKneeFlexion).
        var profile = new UserProfile(new HashSet<Goal> { Goal.Yoga, Goal.Aesthetics }, Level.Advanced,
            new HashSet<Limitation> { Limitation.Knees }, [], null);
        var ranked = new PoseRecommender(Lib).Rank(new RecommendationRequest(profile, RecommendationContext.None));
        Assert.DoesNotContain(ranked, r => r.Pose.Id == id);
        Assert.Contains(ranked, r => r.Pose.Id == "tree"); // the lifted leg's bent knee bears no weight
    }

    [Fact]
    public void APhotoOfMountainPoseRanksItsProgressionsAsTheNextStep()
    {
        var photo = Lib.Project(Lib.Find("mountain")!, PoseView.Front).ToCoco();
        var profile = new UserProfile(new HashSet<Goal> { Goal.Yoga }, Level.Beginner, new HashSet<Limitation>(), [],
            null);
        var recommender = new PoseRecommender(Lib);
        var result = recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.None, photo,
            Count: 5));
        Assert.Equal("mountain", result.NearestToPhoto);
        var tree = recommender.Rank(new RecommendationRequest(profile, RecommendationContext.None, photo))
            .Single(r => r.Pose.Id == "tree");
        Assert.Equal(1, tree.Breakdown.Closeness);
        Assert.Contains(tree.Reasons, s => s.Contains("next step", StringComparison.Ordinal));
    }

    [Fact]
    public void ChipsReplaceThePromptForTheirDimension()
    {
        var context = RecommendationContext.FromPrompt(PromptParser.Default.Parse("at the beach"))
            .WithChips(ContextDimension.Environment, ["office"]);
        Assert.Equal("office", context.Environment.Single().Label);
        Assert.Equal(ContextSource.User, context.Environment.Single().Source);
    }
}
