using PoseGen.ContextTrainer;
using PoseGen.Core.Context;
using PoseGen.TestSupport;

namespace PoseGen.Tools.Tests.ContextTrainer;

/// <summary>
/// The context trainer's labelled photos: every file is there, every label is one of ours, clip frames decode.
/// </summary>
public sealed class LabelledScenesTests
{
    private static List<Sample> Samples() =>
        LabelledScenes.Load(Path.Combine(TestPaths.Root, "tools", "PoseGen.ContextTrainer", "more-labels.csv"));

    [Fact]
    public void EveryLabelledPhotoExistsAndEveryLabelIsOneOfOurs()
    {
        var samples = Samples();

        Assert.Equal(31, samples.Count(s => s.Set != LabelledScenes.Team));
        Assert.All(samples, s => Assert.True(File.Exists(RepoPaths.Fixture(s.File.Split('/'))), s.File));
        Assert.All(samples, s => Assert.NotEmpty(s.Environment));
        Assert.All(samples.SelectMany(s => s.Environment), label =>
            Assert.Contains(label, ContextLabels.Environments.Keys));
        Assert.All(samples.SelectMany(s => s.Outfit), label => Assert.Contains(label, ContextLabels.Outfits.Keys));
        Assert.Equal(samples.Count, samples.Select(s => (s.File, s.FrameSeconds)).Distinct().Count());
    }

    [Fact]
    public void PhotosOfOnePlaceShareAGroupAndTheRestStandAlone()
    {
        var samples = Samples();

        Assert.Equal(3, samples.Count(s => s.Group == "grey-backdrop-rig"));
        Assert.Equal(samples.Single(s => s.File == "pairs/shoulderstand_a.jpg").File,
            samples.Single(s => s.File == "pairs/shoulderstand_a.jpg").Group);
    }

    [Fact]
    public void AClipFrameIsReadAsAPicture()
    {
        var frame = Samples().First(s => s.FrameSeconds is not null);

        var bytes = LabelledScenes.Read(frame);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }
}
