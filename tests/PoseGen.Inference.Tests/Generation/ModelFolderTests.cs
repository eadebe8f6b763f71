using PoseGen.Core.Abstractions;
using PoseGen.Inference.Generation;
using PoseGen.Onnx;

namespace PoseGen.Inference.Tests.Generation;

public sealed class ModelFolderTests
{
    [Fact]
    public void AbsentFolderIsNotAvailableAndSaysHowToInstall()
    {
        using var pipeline = StableDiffusionPipelineTests.Pipeline(
            Path.Combine(Path.GetTempPath(), "posegen-no-such-" + Guid.NewGuid()));
        Assert.False(pipeline.Status.IsAvailable);
        Assert.Contains("not installed", pipeline.Status.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models", pipeline.Status.Message, StringComparison.Ordinal);
        Assert.Equal("Cpu", pipeline.Status.Device);
    }

    [Fact]
    public async Task GeneratingWithoutModelsThrowsTheInstallMessage()
    {
        using var pipeline = StableDiffusionPipelineTests.Pipeline(
            Path.Combine(Path.GetTempPath(), "posegen-no-such-" + Guid.NewGuid()));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => pipeline.GenerateAsync(StableDiffusionPipelineTests.Request(), null, CancellationToken.None));
        Assert.Contains("scripts/fetch-models", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnetWithoutAResidualInputIsNamedInTheStatus()
    {
        var folder = TinyStableDiffusion.Create();
        try
        {
            TinyStableDiffusion.Write(folder, StableDiffusionContract.Unet,
                TinyStableDiffusion.Unet(TinyStableDiffusion.Signature(TinyStableDiffusion.Sd15),
                    TinyStableDiffusion.Types.Default, omit: "down_block_3_additional_residual"));
            TinyStableDiffusion.WriteManifest(folder);
            using var pipeline = StableDiffusionPipelineTests.Pipeline(folder);
            Assert.False(pipeline.Status.IsAvailable);
            Assert.Contains("unet/model.onnx lacks input down_block_3_additional_residual (has: sample, timestep,",
                pipeline.Status.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ModelThatDoesNotMatchItsManifestIsRefusedOnFirstUse()
    {
        var folder = TinyStableDiffusion.Create();
        try
        {
            // The manifest still describes the full ControlNet; the file now lacks the mid-block output.
            TinyStableDiffusion.Write(folder, StableDiffusionContract.ControlNet,
                TinyStableDiffusion.ControlNet(TinyStableDiffusion.Signature(TinyStableDiffusion.Sd15),
                    TinyStableDiffusion.Types.Default, omit: "mid_block_additional_residual"));
            using var pipeline = StableDiffusionPipelineTests.Pipeline(folder);
            Assert.True(pipeline.Status.IsAvailable);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => pipeline.GenerateAsync(StableDiffusionPipelineTests.Request(), null, CancellationToken.None));
            Assert.Contains("controlnet/model.onnx lacks output mid_block_additional_residual declared in the manifest",
                error.Message,
                StringComparison.Ordinal);
            Assert.False(pipeline.Status.IsAvailable);
            Assert.Contains("mid_block_additional_residual", pipeline.Status.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ManifestWithAWrongRankIsReported()
    {
        var folder = TinyStableDiffusion.Create();
        try
        {
            var manifest = StableDiffusionManifest.Load(Path.Combine(folder, StableDiffusionManifest.FileName));
            var text = manifest.Components[StableDiffusionContract.TextEncoder];
            var flat = text with { Inputs = [new ManifestTensor("input_ids", "int32", [77])] };
            var components = new Dictionary<string, ManifestComponent>(
                manifest.Components) { [StableDiffusionContract.TextEncoder] = flat };
            var problems = StableDiffusionModelValidator.CheckManifest(folder,
                manifest with { Components = components });
            Assert.Equal(["text_encoder/model.onnx input input_ids has rank 1, PoseGen needs 2."], problems);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ImageToImageWithoutVaeEncoderIsRefused()
    {
        var folder = TinyStableDiffusion.Create();
        try
        {
            Directory.Delete(Path.Combine(folder, StableDiffusionContract.VaeEncoder), recursive: true);
            TinyStableDiffusion.WriteManifest(folder);
            using var pipeline = StableDiffusionPipelineTests.Pipeline(folder);
            Assert.True(pipeline.Status.IsAvailable);
            var request = StableDiffusionPipelineTests.Request() with { InitImage =
                StableDiffusionPipelineTests.Pose(64, 64, 3), Strength = 0.5f };
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                pipeline.GenerateAsync(request, null, CancellationToken.None));
            Assert.Contains("vae_encoder", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
