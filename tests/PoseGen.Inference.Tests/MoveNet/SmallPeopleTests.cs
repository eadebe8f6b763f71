using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Inference.Context;
using PoseGen.Inference.MoveNet;
using PoseGen.Inference.Tests.Support;
using Xunit.Abstractions;

namespace PoseGen.Inference.Tests.MoveNet;

/// <summary>
/// Auto's second, larger multipose look (<see cref="InferenceOptions.MultiposeDetailSide"/>) on people too small for
/// the first 256 px look: a picture made of the three single-person MPII fixture photos, each shrunk and placed twice
/// in a 1280x720 frame, so that every person is 60-75 px tall and the known keypoints move with them. The person-box
/// detector is off in both runs, so only the larger look can make the difference.
/// </summary>
public sealed class SmallPeopleTests(ModelFixture models, ITestOutputHelper output) : IClassFixture<ModelFixture>
{
    private const int FrameWidth = 1280;
    private const int FrameHeight = 720;

    /// <summary>Each photo is shrunk to this share of its size: a 560-700 px tall person becomes 60-75 px.</summary>
    private const double Shrink = 0.11;

    [Fact]
    public async Task PeopleTooSmallForTheFirstLookAreFoundByTheLargerOne()
    {
        var (frame, truth) = Compose();
        var withDetail = await Found(frame, truth, detailSide: 640);
        var without = await Found(frame, truth, detailSide: 0);
        output.WriteLine($"{truth.Count} small people: found (OKS >= 0.5) {withDetail} with the larger look, " +
            $"{without} without");
        Assert.True(withDetail >= truth.Count / 2, $"found {withDetail} of {truth.Count} with the larger look");
        Assert.True(withDetail > without, $"found {withDetail} with the larger look, {without} without");
    }

    private async Task<int> Found(RgbImage frame, IReadOnlyList<LabelledPerson> truth, int detailSide)
    {
        var settings = new InferenceOptions { PersonBoxScore = 1, MultiposeDetailSide = detailSide };
        using var detector = new MoveNetPoseDetector(models.Models, Options.Create(settings),
            models.Services.GetRequiredService<CenterNetObjectDetector>());
        var result = await detector.DetectAsync(frame, PoseModelKind.Auto, CancellationToken.None);
        return CocoGroundTruth.Match(truth, result.People).Count(m => m.Predicted is not null && m.Oks >= 0.5);
    }

    /// <summary>The three MPII photos shrunk, two copies of each side by side in two rows on a grey frame.</summary>
    private (RgbImage Frame, List<LabelledPerson> Truth) Compose()
    {
        var pixels = Enumerable.Repeat((byte)128, FrameWidth * FrameHeight * 3).ToArray();
        var truth = new List<LabelledPerson>();
        var photos = CocoGroundTruth.Load(Path.Combine(TestHost.FixturesDir, "people", "annotations.json"))
            .Where(i => i.FileName.StartsWith("mpii_", StringComparison.Ordinal)).OrderBy(i => i.FileName,
                StringComparer.Ordinal).ToList();
        Assert.Equal(3, photos.Count);
        for (var i = 0; i < photos.Count * 2; i++)
        {
            var photo = photos[i % photos.Count];
            var width = (int)Math.Round(photo.Width * Shrink);
            var height = (int)Math.Round(photo.Height * Shrink);
            var small = models.Codec.Resize(models.Photo(photo.FileName), width, height);
            int left = 60 + i % 3 * 420, top = 120 + i / 3 * 360;
            for (var y = 0; y < height; y++)
                Array.Copy(small.Pixels, y * width * 3, pixels, ((top + y) * FrameWidth + left) * 3, width * 3);
            double sx = (double)width / photo.Width, sy = (double)height / photo.Height;
            truth.AddRange(photo.People.Select(p => new LabelledPerson(
                [.. p.Keypoints.Select(k => new LabelledKeypoint((float)(left + k.X * sx), (float)(top + k.Y * sy),
                    k.Visibility))], p.Area * sx * sy)));
        }
        return (new RgbImage(FrameWidth, FrameHeight, pixels), truth);
    }
}
