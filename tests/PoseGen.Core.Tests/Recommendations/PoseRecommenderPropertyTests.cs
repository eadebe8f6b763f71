using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;
using PoseGen.Core.Recommendations;

namespace PoseGen.Core.Tests.Recommendations;

public class PoseRecommenderPropertyTests
{
    private static readonly PoseLibrary Lib = PoseLibrary.Default;
    private static readonly PoseRecommender Recommender = new(Lib);
    private static readonly string[] Tags = ["photogenic", "balance", "core", "strength", "calm", "backbend",
        "street-style", "portrait", "cardio"];

    private static T[] Some<T>(Random rng, IReadOnlyList<T> from, int max) =>
        from.OrderBy(_ => rng.Next()).Take(rng.Next(0, max + 1)).ToArray();

    private static ContextEstimate[] Estimates(Random rng, IEnumerable<string> labels, int max) =>
        Some(rng, labels.ToArray(), max).Select(l => new ContextEstimate(l,
            Math.Round(0.3 + (0.7 * rng.NextDouble()), 2), ContextSource.Prompt, [l])).ToArray();

    private static RecommendationRequest RandomRequest(int seed)
    {
        var rng = new Random(seed);
        var profile = new UserProfile(
            Some(rng, Enum.GetValues<Goal>(), 2).ToHashSet(), (Level)rng.Next(0, 3),
            Some(rng, Enum.GetValues<Limitation>(), 2).ToHashSet(), Some(rng, Tags, 2),
            rng.Next(2) == 0 ? null : rng.Next(150, 195));
        var context = new RecommendationContext(
            Estimates(rng, ContextLabels.Environments.Keys, 2), Estimates(rng, ContextLabels.Outfits.Keys, 2),
            Estimates(rng, ContextLabels.Goals.Keys, 1), Estimates(rng, ContextLabels.Moods.Keys, 2),
            Estimates(rng, ContextLabels.BodyFocus.Keys, 2), Estimates(rng, ContextLabels.Limitations.Keys, 1),
            rng.Next(4) == 0);
        var current = rng.Next(3) == 0 ? Lib.Project(Lib.All[rng.Next(Lib.All.Count)], (PoseView)rng.Next(3)).ToCoco()
            : null;
        var feedback = Some(rng, Lib.All, 3).Select(p => new PoseReaction(p.Id, (FeedbackKind)rng.Next(3))).ToArray();
        return new RecommendationRequest(profile, context, current, feedback, rng.Next(3, 12));
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var s = 0; s < 300; s++) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeverViolatesAContraindicationOrAFeasibilityRuleAndStaysDiverse(int seed)
    {
        var request = RandomRequest(seed);
        var result = Recommender.Recommend(request);
        Assert.InRange(result.Poses.Count, 0, request.Count);
        var limitations = request.Profile.Limitations.Select(ContextLabels.Id)
            .Concat(request.Context.Limitations.Where(l => l.Confidence >= 0.5).Select(l => l.Label)).ToHashSet();
        var env = request.Context.Environment.Where(e => e.Confidence >= 0.6).MaxBy(e => e.Confidence)?.Label;
        var outfits = request.Context.Outfit.Where(o => o.Confidence >= 0.6).Select(o => o.Label).ToArray();
        foreach (var r in result.Poses)
        {
            var p = r.Pose;
            Assert.DoesNotContain(p.Contraindications, limitations.Contains);
            if (env is not null) Assert.Contains(env, p.Environments);
            Assert.All(outfits, o => Assert.Contains(o, p.Outfits));
            if (request.Context.NotOnFloor) Assert.False(p.IsFloorPose, p.Id);
            Assert.True((int)p.Difficulty <= (int)request.Profile.Level + 1);
            if (outfits.Contains("dress")) Assert.False(PoseRules.IsInverted(Lib.Ground(p).Body), p.Id);
            if (outfits.Contains("formal") || env == "street") Assert.False(p.IsFloorPose, p.Id);
            Assert.NotEmpty(r.Reasons);
            Assert.All(r.Reasons, reason => Assert.EndsWith(".", reason, StringComparison.Ordinal));
        }
        for (var i = 0; i < result.Poses.Count; i++)
            for (var j = i + 1; j < result.Poses.Count; j++)
                Assert.True(Recommender.Similarity.Between(result.Poses[i].Pose, result.Poses[j].Pose)
                    < PoseRecommender.NearDuplicate);
        Assert.All(result.Poses.GroupBy(r => r.Pose.Family), g =>
            Assert.True(g.Count() <= PoseRecommender.MaxPerFamily));
        Assert.Equal(result.Poses.Select(r => r.Pose.Id).Distinct().Count(), result.Poses.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NotForMeMovesAPoseDown(int seed)
    {
        var request = RandomRequest(seed) with { Feedback = [] };
        var before = Recommender.Rank(request);
        if (before.Count < 2) return;
        var target = before[new Random(seed).Next(before.Count)];
        var after = Recommender.Rank(request with { Feedback = [
            new PoseReaction(target.Pose.Id, FeedbackKind.NotForMe)] });
        var moved = after.Single(r => r.Pose.Id == target.Pose.Id);
        Assert.True(moved.Score < target.Score);
        Assert.True(after.ToList().FindIndex(r => r.Pose.Id == target.Pose.Id) >= before.ToList()
            .FindIndex(r => r.Pose.Id == target.Pose.Id));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void LikeMovesSimilarPosesUp(int seed)
    {
        var request = RandomRequest(seed) with { Feedback = [] };
        var before = Recommender.Rank(request);
        if (before.Count < 2) return;
        var liked = before[new Random(seed).Next(before.Count)].Pose;
        var similar = before.Where(r => r.Pose.Id != liked.Id).MaxBy(r =>
            Recommender.Similarity.Between(r.Pose, liked))!;
        var after = Recommender.Rank(request with { Feedback = [new PoseReaction(liked.Id, FeedbackKind.Like)] });
        Assert.True(after.Single(r => r.Pose.Id == similar.Pose.Id).Score > similar.Score);
    }
}
