using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Inference.Generation;
using PoseGen.Inference.Onnx;
using PoseGen.Onnx;

namespace PoseGen.Inference.Tests.Generation;

public sealed class TinyModelFolder : IDisposable
{
    public string Folder { get; } = TinyStableDiffusion.Create();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// The whole pipeline on tiny signature-exact models (see <see cref="TinyStableDiffusion"/>) at 64x64.
/// </summary>
public sealed class StableDiffusionPipelineTests(TinyModelFolder tiny) : IClassFixture<TinyModelFolder>
{
    internal static StableDiffusionPipeline Pipeline(string folder)
    {
        var inference = Options.Create(new InferenceOptions { Device = ExecutionDevice.Cpu, IntraOpThreads = 1 });
        var selector = new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance);
        return new(inference, Options.Create(new GenerationOptions { ModelsPath = folder }), selector,
            new OnnxSessionFactory(inference, selector, NullLogger<OnnxSessionFactory>.Instance));
    }

    internal static RgbImage Pose(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    internal static GenerationRequest Request(int width = 64, int height = 64) => new(
        "a yoga dancer", "blurry", Pose(width, height, 1), width, height, 6, DiffusionSchedulerKind.EulerAncestral,
        Seed: 42, GuidanceScale: 7.5f, ControlNetStrength: 1, InitImage: null, Strength: 1);

    private async Task<byte[]> Render(GenerationRequest request, IProgress<GenerationProgress>? progress = null)
    {
        using var pipeline = Pipeline(tiny.Folder);
        return (await pipeline.GenerateAsync(request, progress, CancellationToken.None)).Image.Pixels;
    }

    [Theory]
    [InlineData(64, 64)]
    [InlineData(64, 96)]
    public async Task RendersAnImageOfTheRequestedSize(int width, int height)
    {
        using var pipeline = Pipeline(tiny.Folder);
        Assert.True(pipeline.Status.IsAvailable, pipeline.Status.Message);
        var result = await pipeline.GenerateAsync(Request(width, height), null, CancellationToken.None);
        Assert.Equal((width, height), (result.Image.Width, result.Image.Height));
        Assert.Equal(42, result.Seed);
        Assert.True(result.Image.Pixels.Distinct().Count() > 1);
    }

    [Theory]
    [InlineData(DiffusionSchedulerKind.EulerAncestral)]
    [InlineData(DiffusionSchedulerKind.DpmPlusPlus2MKarras)]
    [InlineData(DiffusionSchedulerKind.Ddim)]
    [InlineData(DiffusionSchedulerKind.Lcm)]
    public async Task SameSeedGivesIdenticalBytesAndAnotherSeedDiffers(DiffusionSchedulerKind scheduler)
    {
        var request = Request() with { Scheduler = scheduler, Steps = 4 };
        var first = await Render(request);
        Assert.Equal(first, await Render(request));
        Assert.NotEqual(first, await Render(request with { Seed = 43 }));
    }

    [Fact]
    public async Task GuidanceUsesTheNegativePromptAndScaleOneSkipsIt()
    {
        var guided = Request();
        Assert.NotEqual(await Render(guided), await Render(guided with { NegativePrompt = "ugly photo" }));
        Assert.NotEqual(await Render(guided), await Render(guided with { GuidanceScale = 3 }));

        // Scale 1 runs the conditional batch only, so the negative prompt cannot matter.
        var unguided = guided with { GuidanceScale = 1 };
        Assert.Equal(await Render(unguided), await Render(unguided with { NegativePrompt = "ugly photo" }));
    }

    [Fact]
    public async Task ControlNetStrengthCarriesThePoseMapThroughTheResiduals()
    {
        var request = Request();
        var otherPose = request with { ControlImage = Pose(64, 64, 2) };
        Assert.NotEqual(await Render(request), await Render(request with { ControlNetStrength = 0 }));
        Assert.NotEqual(await Render(request), await Render(otherPose));
        // At strength 0 every residual is zero: the map no longer matters.
        Assert.Equal(await Render(request with { ControlNetStrength = 0 }),
            await Render(otherPose with { ControlNetStrength = 0 }));
    }

    [Fact]
    public async Task ReportsEveryStepInOrderWithALatentPreview()
    {
        var reports = new List<GenerationProgress>();
        await Render(Request() with { Steps = 5 }, new SyncProgress(reports.Add));
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Step));
        Assert.All(reports, r => Assert.Equal(5, r.TotalSteps));
        Assert.All(reports, r => Assert.Equal((8, 8), (r.Preview!.Width, r.Preview.Height)));
    }

    [Fact]
    public async Task CancellationStopsBetweenSteps()
    {
        using var cts = new CancellationTokenSource();
        var steps = new List<int>();
        var progress = new SyncProgress(p =>
        {
            steps.Add(p.Step);
            if (p.Step == 2) cts.Cancel();
        });
        using var pipeline = Pipeline(tiny.Folder);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => pipeline.GenerateAsync(Request() with { Steps = 10 }, progress, cts.Token));
        Assert.Equal([1, 2], steps);
    }

    [Theory]
    [InlineData(DiffusionSchedulerKind.EulerAncestral)]
    [InlineData(DiffusionSchedulerKind.DpmPlusPlus2MKarras)]
    [InlineData(DiffusionSchedulerKind.Ddim)]
    public async Task ImageToImageRunsTheStrengthShareOfTheSteps(DiffusionSchedulerKind scheduler)
    {
        var reports = new List<GenerationProgress>();
        var request = Request() with { Scheduler = scheduler, Steps = 10, InitImage = Pose(80, 80, 7),
            Strength = 0.5f };
        var bytes = await Render(request, new SyncProgress(reports.Add));
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Step));
        Assert.All(reports, r => Assert.Equal(5, r.TotalSteps));
        Assert.Equal(64 * 64 * 3, bytes.Length);
        Assert.NotEqual(bytes, await Render(request with { InitImage = Pose(80, 80, 8) }));
        Assert.NotEqual(bytes, await Render(request with { Strength = 0.8f }));
    }

    [Fact]
    public async Task Float16ModelsWithInt64IdsGiveNearlyTheFloat32Image()
    {
        var folder = TinyStableDiffusion.Create(OnnxDataType.Float16, OnnxDataType.Int64);
        try
        {
            using var pipeline = Pipeline(folder);
            var half = (await pipeline.GenerateAsync(Request(), null, CancellationToken.None)).Image.Pixels;
            var full = await Render(Request());
            var meanDiff = half.Zip(full).Average(p => Math.Abs(p.First - p.Second));
            Assert.True(meanDiff < 2, $"fp16 and fp32 images differ by {meanDiff} per byte on average");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class SyncProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
