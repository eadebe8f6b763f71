using PoseGen.Core.Generation;
using PoseGen.Core.Library;

namespace PoseGen.Core.Tests.Generation;

public sealed class PromptSuggestionTests
{
    private static LibraryPose Pose(string id) => PoseLibrary.Default.Find(id)!;

    [Fact]
    public void NamesTheYogaPoseWithItsSanskritNameOutfitAndSetting()
    {
        var pose = Pose("warrior-2") with { Sanskrit = "Virabhadrasana II" };

        var prompt = PromptSuggestion.For(pose, "  Beach   at SUNSET ", "white linen");

        Assert.Equal(
            $"full body photo of a person doing the {pose.Name} (Virabhadrasana II) yoga pose, wearing white linen, " +
            "beach at sunset, natural light, sharp focus, detailed, realistic", prompt);
    }

    [Fact]
    public void FallsBackToThePosesOwnOutfitAndEnvironment()
    {
        var pose = Pose("warrior-2");

        var prompt = PromptSuggestion.For(pose, null, " ");

        Assert.Contains("wearing " + pose.Outfits[0], prompt, StringComparison.Ordinal);
        Assert.Contains(pose.Environments[0], prompt, StringComparison.Ordinal);
        Assert.StartsWith("full body photo of a person doing the " + pose.Name, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void FitsInClipsTokenWindowForEveryLibraryPose()
    {
        // 77 tokens minus start/end; words are at least one token, so 60 words leaves room for sub-word splits.
        foreach (var pose in PoseLibrary.Default.All)
            Assert.True(PromptSuggestion.For(pose, "city rooftop at night", "black sportswear").Split(' ').Length <= 60,
                pose.Id);
    }
}
