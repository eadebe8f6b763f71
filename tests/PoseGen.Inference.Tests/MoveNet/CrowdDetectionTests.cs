using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;
using PoseGen.Imaging;
using PoseGen.Inference.Tests.Support;
using Xunit.Abstractions;

namespace PoseGen.Inference.Tests.MoveNet;

/// <summary>
/// Auto on the crowd photos of people/more (seven or more annotated people): the person boxes of the second detector
/// find people multipose alone misses, with no cap of six. Compared with multipose on the same photos rather than
/// pinned to a number, so the test says what the pipeline adds; the figures per dataset are in bench/RESULTS.md.
/// </summary>
public sealed class CrowdDetectionTests(ModelFixture models, ITestOutputHelper output) : IClassFixture<ModelFixture>
{
    private static readonly string Folder = Path.Combine(TestHost.FixturesDir, "people", "more");

    private static IEnumerable<LabelledImage> Crowds() =>
        CocoGroundTruth.Load(Path.Combine(Folder, "annotations.json"))
            .Select(i => i with { People = [.. i.People.Where(p => p.Keypoints.Any(k => k.IsLabelled))] })
            .Where(i => i.People.Count >= 7);

    private async Task<(int Found, int Returned, PoseDetectionResult Result)> Detect(LabelledImage truth,
        PoseModelKind kind)
    {
        var image = models.Codec.Decode(await File.ReadAllBytesAsync(Path.Combine(Folder, truth.FileName)));
        var result = await models.Detector.DetectAsync(image, kind, CancellationToken.None);
        var found = CocoGroundTruth.Match(truth.People, result.People)
            .Count(m => m.Predicted is not null && m.Oks >= 0.5);
        return (found, result.People.Count, result);
    }

    [Fact]
    public async Task AutoFindsMoreOfACrowdThanMultiposeAndIsNotCappedAtSix()
    {
        int auto = 0, multipose = 0, annotated = 0, mostReturned = 0;
        foreach (var crowd in Crowds())
        {
            var (a, returned, result) = await Detect(crowd, PoseModelKind.Auto);
            var (m, _, _) = await Detect(crowd, PoseModelKind.Multipose);
            output.WriteLine(
                $"{crowd.FileName}: {crowd.People.Count} annotated; found (OKS >= 0.5) auto {a}, multipose {m}; auto " +
                $"returned {returned}");
            auto += a;
            multipose += m;
            annotated += crowd.People.Count;
            mostReturned = Math.Max(mostReturned, returned);
            Assert.All(result.People, p =>
            {
                Assert.InRange(p.Score, 0f, 1f);
                Assert.InRange(p.Box.X, 0, result.ImageWidth);
                Assert.InRange(p.Box.Y, 0, result.ImageHeight);
            });
        }
        output.WriteLine($"annotated {annotated}: auto {auto}, multipose {multipose}");
        Assert.True(annotated >= 40, "the crowd photos are in the fixtures");
        Assert.True(auto > multipose + (annotated / 10), $"auto found {auto}, multipose {multipose} of {annotated}");
        Assert.True(mostReturned > 6, $"at most {mostReturned} people returned in a crowd");
    }
}
