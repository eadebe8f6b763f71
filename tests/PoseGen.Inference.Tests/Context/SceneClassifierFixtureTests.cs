using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Tests.Support;
using PoseGen.TestSupport;
using Xunit.Abstractions;

namespace PoseGen.Inference.Tests.Context;

/// <summary>
/// The acceptance floors on ../shared/fixtures/scenes with the real converted models: environment top-2 at least
/// 80%, outfit top-2 at least 70%, and evidence behind every label. The rules were tuned on these same 10 photos and
/// the learned models are trained on them, so this guards against regressions (a broken feature, model file or decode);
/// it is not an estimate of accuracy on new photos (tools/PoseGen.ContextTrainer's leave-one-out figures are).
/// </summary>
public sealed class SceneClassifierFixtureTests(ModelFixture models,
    ITestOutputHelper output) : IClassFixture<ModelFixture>
{
    [Fact]
    public async Task MeetsTheAcceptanceFloorsOnTheFixtureScenes()
    {
        var classifier = models.Services.GetRequiredService<ISceneClassifier>();
        Assert.True(classifier.IsAvailable);
        var dir = Path.Combine(TestHost.FixturesDir, "scenes");
        var labels = SceneFixtureLabels.Load(Path.Combine(dir, "labels.csv"));
        Assert.Equal(10, labels.Count);
        int environmentHits = 0, outfitHits = 0;
        foreach (var (file, environment, outfit) in labels)
        {
            // Decoded as the API decodes a photo for classification (at most 1024 px).
            var image = models.Codec.DecodeThumbnail(await File.ReadAllBytesAsync(Path.Combine(dir, file)), 1024, 1024);
            var context = await classifier.ClassifyAsync(image, CancellationToken.None);
            Assert.NotEmpty(context.Environment);
            Assert.All(context.Environment.Concat(context.Outfit), e => Assert.NotEmpty(e.Evidence));
            var envHit = context.Environment.Take(2).Any(e => environment.Contains(e.Label));
            var outfitHit = context.Outfit.Take(2).Any(e => outfit.Contains(e.Label));
            environmentHits += envHit ? 1 : 0;
            outfitHits += outfitHit ? 1 : 0;
            output.WriteLine(
                $"{file}: want {string.Join('|', environment)} / {string.Join('|', outfit)}; lighting " +
                $"{context.Lighting}, indoor {context.Indoor}");
            var objects = context.Objects.Select(o =>
                string.Create(CultureInfo.InvariantCulture, $"{o.Label} {o.Score:F2}"));
            output.WriteLine($"  objects: {string.Join(", ", objects)}");
            foreach (var e in context.Environment.Take(3))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  env {(envHit ? "ok " : "MISS")} {e.Label} {e.Confidence:F2}: {string.Join("; ", e.Evidence)}"));
            foreach (var e in context.Outfit.Take(3))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  outfit {(outfitHit ? "ok " : "MISS")} {e.Label} {e.Confidence:F2}: " +
                    $"{string.Join("; ", e.Evidence)}"));
        }
        output.WriteLine($"environment top-2 {environmentHits}/10, outfit top-2 {outfitHits}/10");
        Assert.True(environmentHits >= 8, $"environment top-2 {environmentHits}/10 < 80%");
        Assert.True(outfitHits >= 7, $"outfit top-2 {outfitHits}/10 < 70%");
    }
}
