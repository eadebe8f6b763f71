using PoseGen.Core.Context;

namespace PoseGen.Core.Tests.Context;

public class PromptParserTests
{
    /// <summary>
    /// One row per prompt: expected top environment and outfit ("" = none found), labels that must be among the goals,
    /// moods, focus and limitations ("|"-separated, "" = none expected), whether floor poses are ruled out, minutes.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string, string, bool, int?> Prompts() => new()
    {
        { "golden hour on the beach in a summer dress, I want something elegant", "beach", "dress", "aesthetics",
            "elegant", "", "", false, null },
        { "small hotel room, sportswear, 15 minutes for my back", "home", "sportswear", "", "", "back", "", false, 15 },
        { "yoga in the park before work", "park", "", "yoga", "", "", "", false, null },
        { "gym session, leggings, I want to build my glutes", "gym", "sportswear", "", "", "glutes", "", false, null },
        { "photos in the city wearing a suit", "street", "formal", "aesthetics", "", "", "", false, null },
        { "my knees hurt, something gentle at home", "home", "", "", "calm", "", "knees", false, null },
        { "not on the floor please, I'm at the office in business casual", "office", "business-casual", "", "", "", "",
            true, null },
        { "poses for a photoshoot in the snow with my winter coat", "snow", "winter", "aesthetics", "", "", "", false,
            null },
        { "pool party in a bikini, fun pictures", "water", "swimwear", "aesthetics", "playful", "", "", false, null },
        { "studio shoot on a white background, confident vibe", "studio", "", "aesthetics", "confident", "", "", false,
            null },
        { "beech photos in a sundres", "beach", "dress", "aesthetics", "", "", "", false, null },
        { "workout at the jim in sportsware", "", "sportswear", "fitness", "", "", "", false, null },
        { "yoga on the mountian", "snow", "", "yoga", "", "", "", false, null },
        { "elegnt portrait in the garden", "park", "", "aesthetics", "elegant", "", "", false, null },
        { "I'm pregnant and want some gentle stretching", "", "", "yoga", "calm", "", "pregnancy", false, null },
        { "lower back pain, 20 min stretch at home", "home", "", "yoga", "", "", "lower-back", false, 20 },
        { "no floor work, standing poses only", "", "", "", "", "", "", true, null },
        { "I can't get down on the ground, wearing a dress", "", "dress", "", "", "", "", true, null },
        { "not at the beach but in the park", "park", "", "", "", "", "", false, null },
        { "at the beach, not in swimwear, in jeans", "beach", "casual", "", "", "", "", false, null },
        { "bench press and cardio at the gym", "gym", "", "fitness", "", "", "", false, null },
        { "core workout in my living room, half an hour", "home", "", "fitness", "", "core", "", false, 30 },
        { "wrist injury, want a strong yoga flow", "", "", "yoga", "", "", "wrists", false, null },
        { "sore shoulders after work, relaxing routine", "", "", "", "calm", "", "shoulders", false, null },
        { "my neck is stiff; calm yoga by the lake", "water", "", "yoga", "calm", "", "neck", false, null },
        { "edgy street style photos in a hoodie", "street", "casual", "aesthetics", "edgy", "", "", false, null },
        { "romantic sunset pictures on the beach", "beach", "", "aesthetics", "romantic", "", "", false, null },
        { "playful jumping shots in the snow, wearing a parka", "snow", "winter", "aesthetics", "playful", "", "",
            false, null },
        { "office desk stretches for my shoulders, 10 minutes", "office", "", "yoga", "", "shoulders", "", false, 10 },
        { "candid walking photos downtown, casual outfit", "street", "casual", "aesthetics", "natural", "", "", false,
            null },
        { "energetic hiit in the backyard", "park", "", "fitness", "energetic", "", "", false, null },
        { "balance practice for a beginner, 1 hour", "", "", "", "", "balance", "", false, 60 },
        { "formal gala, graceful poses for the photographer", "", "formal", "aesthetics", "elegant", "", "", false,
            null },
        { "no yoga, just strength training", "", "", "fitness", "", "", "", false, null },
        { "knees are fine, legs workout at the gym", "gym", "", "fitness", "", "legs", "", false, null },
        { "swimming pool in a swimsuit, chill", "water", "swimwear", "", "calm", "", "", false, null },
        { "plain backdrop, skirt, cute poses", "studio", "dress", "", "playful", "", "", false, null },
        { "hiking trail photos, athleisure", "park", "sportswear", "aesthetics", "", "", "", false, null },
        { "dont want to lie on the mat, bad knee", "", "", "", "", "", "knees", true, null },
        { "quick morning routine, 5 mins, flexibility", "", "", "yoga", "", "flexibility", "", false, 5 },
        { "instagram pics at the cafe wearing a blazer", "street", "business-casual", "aesthetics", "", "", "", false,
            null },
        { "relaxed sunday at home in a t-shirt", "home", "casual", "", "calm", "", "", false, null },
        { "I'm not pregnant, my knees don't hurt, yoga please", "", "", "yoga", "", "", "", false, null },
        { "stay standing, I'm in a suit on the street", "street", "formal", "", "", "", "", true, null },
        { "", "", "", "", "", "", "", false, null },
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public void ReadsThePromptIntoTheExpectedContext(
        string prompt, string environment, string outfit, string goals, string moods, string focus, string limitations,
        bool notOnFloor, int? minutes)
    {
        var c = PromptParser.Default.Parse(prompt);
        Assert.Equal(environment, c.Environment.FirstOrDefault()?.Label ?? "");
        Assert.Equal(outfit, c.Outfit.FirstOrDefault()?.Label ?? "");
        AssertHas(goals, c.Goals);
        AssertHas(moods, c.Moods);
        AssertHas(focus, c.BodyFocus);
        AssertHas(limitations, c.Limitations);
        if (limitations.Length == 0) Assert.Empty(c.Limitations);
        Assert.Equal(notOnFloor, c.NotOnFloor is not null);
        Assert.Equal(minutes, c.MinutesAvailable);
        foreach (var e in c.Environment.Concat(c.Outfit).Concat(c.Goals).Concat(c.Moods))
        {
            Assert.InRange(e.Confidence, 0.01, 1);
            Assert.NotEmpty(e.Evidence);
            Assert.Equal(ContextSource.Prompt, e.Source);
        }
    }

    private static void AssertHas(string expected, IReadOnlyList<ContextEstimate> actual)
    {
        foreach (var label in expected.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(label, actual.Select(a => a.Label));
    }

    [Fact]
    public void NamesTheWordsBehindEachLabelIncludingTypos()
    {
        var c = PromptParser.Default.Parse("photos at the beech");
        Assert.Equal(["beech (read as beach)"], c.Environment.Single().Evidence);
        Assert.True(c.Environment.Single().Confidence < 0.9);
    }

    [Fact]
    public void DoesNotReadShortOrOrdinaryWordsAsTypos()
    {
        var c = PromptParser.Default.Parse("bench press in my gum, pool table, the best class");
        Assert.DoesNotContain("dress", c.Outfit.Select(o => o.Label));
        Assert.DoesNotContain("gym", c.Environment.Select(e => e.Label));
    }

    [Fact]
    public void ExcludesNegatedLabelsWithTheirNegator()
    {
        var c = PromptParser.Default.Parse("not at the beach, no swimwear");
        Assert.Empty(c.Environment);
        Assert.Contains(c.Excluded, x => x.Estimate.Label == "beach"
            && x.Estimate.Evidence.Single().StartsWith("not", StringComparison.Ordinal));
        Assert.Contains(c.Excluded, x => x.Estimate.Label == "swimwear");
    }

    [Fact]
    public void CombinesSeveralCuesIntoAHigherConfidence()
    {
        var one = PromptParser.Default.Parse("sand").Environment.Single();
        var two = PromptParser.Default.Parse("sand and waves").Environment.Single();
        Assert.True(two.Confidence > one.Confidence);
        Assert.Equal(2, two.Evidence.Count);
    }

    [Theory]
    [InlineData("beach", "beach", 0)]
    [InlineData("baech", "beach", 1)]
    [InlineData("beahc", "beach", 1)]
    [InlineData("mountian", "mountain", 1)]
    [InlineData("gym", "swimwear", 7)]
    public void OsaDistanceCountsTranspositionsAsOneEdit(string a, string b, int expected) =>
    Assert.Equal(expected, TextDistance.Osa(a, b));
}
