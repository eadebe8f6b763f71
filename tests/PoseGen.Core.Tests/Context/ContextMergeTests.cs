using PoseGen.Core.Context;

namespace PoseGen.Core.Tests.Context;

public class ContextMergeTests
{
    private static ContextEstimate E(string label, double c, ContextSource s, string evidence) =>
        new(label, c, s, [evidence]);

    [Fact]
    public void ChipsReplaceBothPromptAndImage()
    {
        var merged = ContextMerge.Merge([E("beach", 0.9, ContextSource.Prompt, "beach")],
            [E("park", 0.8, ContextSource.Image, "grass")],
            [E("gym", 1, ContextSource.User, "chosen by you")]);
        Assert.Equal("gym", merged.Single().Label);
    }

    [Fact]
    public void AnExplicitPromptLeadsAndImageLabelsFollowBelowIt()
    {
        var merged = ContextMerge.Merge([E("beach", 0.9, ContextSource.Prompt, "beach")],
            [E("park", 0.95, ContextSource.Image, "grass")]);
        Assert.Equal(["beach", "park"], merged.Select(m => m.Label));
        Assert.True(merged[1].Confidence < merged[0].Confidence);
    }

    [Fact]
    public void WeakPromptAndImagePoolEvidencePerLabel()
    {
        var merged = ContextMerge.Merge([E("home", 0.5, ContextSource.Prompt, "room")],
            [E("home", 0.7, ContextSource.Image, "couch")]);
        var home = merged.Single();
        Assert.Equal(0.7, home.Confidence);
        Assert.Equal(["couch", "room"], home.Evidence.Order());
    }
}
