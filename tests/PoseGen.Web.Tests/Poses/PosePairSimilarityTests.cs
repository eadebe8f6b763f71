using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Similarity;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.TestSupport;
using Xunit.Abstractions;

namespace PoseGen.Web.Tests.Poses;

/// <summary>
/// Acceptance on real photos: MoveNet thunder finds the person in each photo of fixtures/pairs/pairs.csv and
/// <see cref="PoseComparer"/> scores the pair. Every 'same' pair must score above every 'different' pair not marked
/// near-miss. Lives here because this is the test project that sees both the image codec and the detector.
/// </summary>
public sealed class PosePairSimilarityTests(ITestOutputHelper output)
{
    private sealed record PairRow(string Id, string ImageA, string ImageB, bool Same, bool NearMiss, string Pose);

    private static List<PairRow> ReadPairs() =>
        [.. File.ReadAllLines(RepoPaths.Fixture("pairs", "pairs.csv")).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split(',', 6);
            return new PairRow(cells[0], cells[1], cells[2], cells[3] == "same",
                cells.Length > 5 && cells[5].Contains("near-miss", StringComparison.OrdinalIgnoreCase), cells[4]);
        })];

    [Fact]
    public async Task EverySamePairScoresAboveEveryDifferentPair()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
            ContentRootPath = RepoPaths.Root });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:Device"] = "Cpu",
            ["Inference:ModelsPath"] = RepoPaths.Models,
        });
        builder.Services.AddPoseGenInference().AddPoseGenImaging();
        using var host = builder.Build();
        var codec = host.Services.GetRequiredService<IImageCodec>();
        var detector = host.Services.GetRequiredService<IPoseDetector>();
        var poses = new Dictionary<string, Pose>();
        async Task<Pose> Detect(string file)
        {
            if (poses.TryGetValue(file, out var known)) return known;
            var image = codec.DecodeThumbnail(await File.ReadAllBytesAsync(RepoPaths.Fixture("pairs", file)), 2048,
                2048);
            var result = await detector.DetectAsync(image, PoseModelKind.Thunder, CancellationToken.None);
            Assert.NotEmpty(result.People);
            return poses[file] = result.People[0];
        }

        var scored = new List<(PairRow Pair, double Score)>();
        foreach (var pair in ReadPairs())
        {
            var similarity = PoseComparer.Compare(await Detect(pair.ImageA), await Detect(pair.ImageB));
            Assert.NotNull(similarity);
            scored.Add((pair, similarity.Score));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pair.Id} {(pair.Same ? "same" : "different"),-9} {similarity.Score,5:0.0} oks " +
                $"{similarity.Oks:0.00} angles {similarity.AngleSimilarity:0.00} mirrored " +
                $"{similarity.Alignment.Mirrored} ({pair.Pose})"));
        }

        var same = scored.Where(s => s.Pair.Same).Select(s => s.Score).ToList();
        var different = scored.Where(s => !s.Pair.Same && !s.Pair.NearMiss).Select(s => s.Score).ToList();
        Assert.NotEmpty(same);
        Assert.NotEmpty(different);
        // ROC AUC = share of (same, different) pairs ordered correctly; 1 means a threshold separates them perfectly.
        var auc = same.SelectMany(s => different.Select(d => s > d ? 1.0 : s == d ? 0.5 : 0.0)).Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lowest same {same.Min():0.0}, highest different {different.Max():0.0}, ROC AUC {auc:0.000}"));
        Assert.True(same.Min() > different.Max(),
            $"lowest same {same.Min():0.0} <= highest different {different.Max():0.0}");
    }
}
