using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Imaging;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Tests.Support;

namespace PoseGen.Inference.Tests.MoveNet;

public sealed class MoveNetPoseDetectorTests(ModelFixture models) : IClassFixture<ModelFixture>
{
    /// <summary>The image placed at (left, top) on a black canvas.</summary>
    private static RgbImage Pad(RgbImage image, int left, int top, int right, int bottom)
    {
        var width = image.Width + left + right;
        var height = image.Height + top + bottom;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < image.Height; y++)
            image.Pixels.AsSpan(y * image.Width * 3, image.Width * 3)
                .CopyTo(pixels.AsSpan(((y + top) * width + left) * 3));
        return new RgbImage(width, height, pixels);
    }

    [Fact]
    public async Task KeypointsAreInPixelsOfTheImageGivenWhateverItsShape()
    {
        var photo = models.Photo("mpii_004645041.jpg");
        var padded = Pad(photo, 500, 120, 0, 300);

        var plain = Assert.Single((await models.Detector.DetectAsync(photo, PoseModelKind.Thunder,
            CancellationToken.None)).People);
        var moved = Assert.Single((await models.Detector.DetectAsync(padded, PoseModelKind.Thunder,
            CancellationToken.None)).People);

        // Same person, shifted by the padding; the model sees it at a slightly different scale, so allow a few pixels.
        var confident = Enumerable.Range(0, 17).Where(i => plain.Keypoints[i].Score >= 0.3f).ToList();
        Assert.True(confident.Count >= 8);
        var meanError = confident.Average(i => Math.Abs(moved.Keypoints[i].X - 500 - plain.Keypoints[i].X)
            + Math.Abs(moved.Keypoints[i].Y - 120 - plain.Keypoints[i].Y));
        Assert.True(meanError < 8, $"mean |dx|+|dy| {meanError:F1} px");
    }

    [Fact]
    public async Task APersonFillingThePhotoTakesOneThunderRunAndASmallerOneTakesTwo()
    {
        var photo = models.Photo("mpii_004645041.jpg");
        // The 4:3 middle of this 16:9 photo: the crop around the person is nearly the whole frame.
        var side = photo.Height * 4 / 3;
        var filling = models.Codec.Crop(photo, (photo.Width - side) / 2, 0, side, photo.Height);
        var small = Pad(photo, 600, 400, 600, 400);

        var one = await models.Detector.DetectAsync(filling, PoseModelKind.Thunder, CancellationToken.None);
        var two = await models.Detector.DetectAsync(small, PoseModelKind.Thunder, CancellationToken.None);

        Assert.Single(one.People);
        Assert.Equal(1, one.Timings.ModelRuns);
        Assert.Single(two.People);
        Assert.Equal(2, two.Timings.ModelRuns);
    }

    [Theory]
    [InlineData(PoseModelKind.Thunder)]
    [InlineData(PoseModelKind.Auto)]
    public async Task APlainGreyImageHasNobody(PoseModelKind kind)
    {
        var grey = new RgbImage(640, 480, Enumerable.Repeat((byte)128, 640 * 480 * 3).ToArray());

        var result = await models.Detector.DetectAsync(grey, kind, CancellationToken.None);

        Assert.Empty(result.People);
        Assert.Equal((640, 480), (result.ImageWidth, result.ImageHeight));
    }

    [Fact]
    public async Task ConcurrentCallsShareOneSessionAndAgreeWithASequentialCall()
    {
        var photo = models.Photo("ochuman_003799.jpg");
        var sequential = await models.Detector.DetectAsync(photo, PoseModelKind.Auto, CancellationToken.None);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => models.Detector.DetectAsync(photo, PoseModelKind.Auto, CancellationToken.None))));

        Assert.All(parallel, r => Assert.Equal(
            sequential.People.SelectMany(p => p.Keypoints), r.People.SelectMany(p => p.Keypoints)));
        Assert.Same(models.Models.GetSession(ModelCatalog.MoveNetThunder),
            models.Models.GetSession(ModelCatalog.MoveNetThunder));
        var status = models.Models.GetStatus();
        Assert.All(status.Models, m => Assert.True(m.Installed));
        Assert.True(status.Models.Single(m => m.Name == "movenet-thunder").Loaded);
    }

    [Fact]
    public async Task CancelledCallsDoNotRun()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            models.Detector.DetectAsync(models.Photo("mpii_004645041.jpg"), PoseModelKind.Auto, cancelled.Token));
    }

    [Fact]
    public async Task PhotoDetectionDecodesAtWorkingSizeAndAnswersInThePhotosOwnPixels()
    {
        // A 2x enlargement (1440 px wide) decoded for detection at 720 px: keypoints must come back in 1440-px space.
        var photo = models.Photo("mpii_004645041.jpg");
        var large = models.Codec.Resize(photo, photo.Width * 2, photo.Height * 2);
        var jpeg = models.Codec.Encode(large, EncodeFormat.Jpeg, 92);
        var detector = new PhotoPoseDetector(models.Codec, models.Detector,
            models.Services.GetRequiredService<PoseGen.Inference.Scheduling.InferenceScheduler>(),
            Microsoft.Extensions.Options.Options.Create(new PoseDetectionSettings { DetectionMaxSide =
                Math.Max(photo.Width, photo.Height) }));

        var direct = Assert.Single((await models.Detector.DetectAsync(photo, PoseModelKind.Thunder,
            CancellationToken.None)).People);
        var result = await detector.DetectAsync(jpeg, PoseModelKind.Thunder, CancellationToken.None);

        Assert.Equal((large.Width, large.Height), (result.ImageWidth, result.ImageHeight));
        var person = Assert.Single(result.People);
        var confident = Enumerable.Range(0, 17).Where(i => direct.Keypoints[i].Score >= 0.3f).ToList();
        var meanError = confident.Average(i => Math.Abs(person.Keypoints[i].X - 2 * direct.Keypoints[i].X)
            + Math.Abs(person.Keypoints[i].Y - 2 * direct.Keypoints[i].Y));
        Assert.True(meanError < 12, $"mean |dx|+|dy| {meanError:F1} px at 2x");
        Assert.True(result.Timings.DecodeMs > 0);
    }
}

public sealed class MissingModelsTests
{
    [Fact]
    public async Task WithoutModelsTheDetectorSaysSoInsteadOfFailingStartUp()
    {
        var empty = Directory.CreateTempSubdirectory("posegen-no-models-");
        try
        {
            var (host, _) = TestHost.Build(new Dictionary<string, string?>
            {
                ["Inference:Device"] = "Cpu",
                ["Inference:ModelsPath"] = empty.FullName,
            });
            using (host)
            {
                await host.StartAsync();
                var detector = host.Services.GetRequiredService<IPoseDetector>();
                var status = host.Services.GetRequiredService<OnnxModelHost>().GetStatus();

                Assert.All(Enum.GetValues<PoseModelKind>(), k => Assert.False(detector.IsAvailable(k)));
                Assert.All(status.Models, m => Assert.False(m.Installed));
                Assert.Equal(empty.FullName, status.ModelsDirectory);
                var error = await Assert.ThrowsAsync<ModelNotInstalledException>(() =>
                    detector.DetectAsync(new RgbImage(8, 8, new byte[192]), PoseModelKind.Lightning,
                        CancellationToken.None));
                Assert.Equal("movenet-lightning", error.Model);
                await host.StopAsync();
            }
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void RelativeModelsPathIsUnderTheContentRoot() =>
        Assert.Equal(Path.GetFullPath("/srv/posegen/data/models"),
            ModelsDirectoryResolver.Resolve("data/models", "/srv/posegen"));

    [Fact]
    public void DefaultModelsPathIsTheRepositorysModelsFolder() =>
        Assert.Equal(Path.Combine(TestHost.RepoRoot.TrimEnd('/'), "models"),
            ModelsDirectoryResolver.Resolve(null, Path.Combine(TestHost.RepoRoot, "src", "PoseGen.Web")));
}
