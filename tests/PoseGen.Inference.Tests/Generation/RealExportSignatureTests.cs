using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Generation;
using PoseGen.Onnx;

namespace PoseGen.Inference.Tests.Generation;

/// <summary>
/// The tiny models carry the real exports' signatures (models/signatures), and the pipeline drives what those
/// signatures ask for: LCM's timestep_cond and exports fixed at batch 1.
/// </summary>
public sealed class RealExportSignatureTests
{
    [Theory]
    [InlineData(TinyStableDiffusion.Sd15)]
    [InlineData(TinyStableDiffusion.Lcm)]
    public void TinyModelsTakeAndGiveExactlyTheSignatureFilesTensors(string name)
    {
        var signature = TinyStableDiffusion.Signature(name);
        var folder = TinyStableDiffusion.Create(signature: name);
        try
        {
            foreach (var (component, expected) in signature.Components)
            {
                using var session = new InferenceSession(Path.Combine(folder, expected.File));
                AssertSame(component, expected.Inputs, session.InputMetadata);
                AssertSame(component, expected.Outputs, session.OutputMetadata);
            }
            // The manifest the pipeline reads agrees with the signature too.
            Assert.Empty(signature.Differences(StableDiffusionManifest.Load(
                Path.Combine(folder, StableDiffusionManifest.FileName))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OnlyTheLcmUnetTakesAGuidanceEmbeddingOf256()
    {
        var lcm = TinyStableDiffusion.Signature(TinyStableDiffusion.Lcm).Components["unet"];
        Assert.Equal("float[batch,256]", lcm.Input("timestep_cond").ToString());
        Assert.DoesNotContain(TinyStableDiffusion.Signature(TinyStableDiffusion.Sd15).Components["unet"].Inputs,
            i => i.Name == "timestep_cond");
    }

    [Fact]
    public void ManifestComparisonNamesAMissingTimestepCond()
    {
        var folder = TinyStableDiffusion.Create(signature: TinyStableDiffusion.Sd15);
        try
        {
            var differences = TinyStableDiffusion.Signature(TinyStableDiffusion.Lcm)
                .Differences(StableDiffusionManifest.Load(Path.Combine(folder, StableDiffusionManifest.FileName)));
            Assert.Equal(["unet/model.onnx: no input timestep_cond (expected float[batch,256])."], differences);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task LcmUnetGetsTheGuidanceEmbeddingAndNoNegativePromptBatch()
    {
        var folder = TinyStableDiffusion.Create(signature: TinyStableDiffusion.Lcm);
        try
        {
            var request = StableDiffusionPipelineTests.Request() with { Scheduler = DiffusionSchedulerKind.Lcm,
                Steps = 4, GuidanceScale = 8.5f };
            var image = await RenderAsync(folder, request);
            Assert.Equal(image, await RenderAsync(folder, request));
            // Guidance reaches the model through timestep_cond ...
            Assert.NotEqual(image, await RenderAsync(folder, request with { GuidanceScale = 2 }));
            // ... not through a [negative, positive] batch: the negative prompt plays no part.
            Assert.Equal(image, await RenderAsync(folder, request with { NegativePrompt = "ugly photo" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(TinyStableDiffusion.Sd15)]
    [InlineData(TinyStableDiffusion.Lcm)]
    public async Task ExportsFixedAtBatchOneGiveTheSameImageInTwoPasses(string signature)
    {
        var dynamic = TinyStableDiffusion.Create(signature: signature);
        var fixedAtOne = TinyStableDiffusion.Create(signature: signature, batchOne: true);
        try
        {
            using (var session = new InferenceSession(Path.Combine(fixedAtOne, "unet", "model.onnx")))
                Assert.Equal(1, session.InputMetadata["sample"].Dimensions[0]);
            // Guidance 7.5 needs [negative, positive] rows: a batch of two, or two runs of one.
            var request = StableDiffusionPipelineTests.Request();
            var batched = await RenderAsync(dynamic, request);
            Assert.Equal(batched, await RenderAsync(fixedAtOne, request));
            if (signature == TinyStableDiffusion.Sd15)
                Assert.NotEqual(batched, await RenderAsync(fixedAtOne, request with { NegativePrompt = "ugly photo" }));
        }
        finally
        {
            Directory.Delete(dynamic, recursive: true);
            Directory.Delete(fixedAtOne, recursive: true);
        }
    }

    private static async Task<byte[]> RenderAsync(string folder, GenerationRequest request)
    {
        using var pipeline = StableDiffusionPipelineTests.Pipeline(folder);
        return (await pipeline.GenerateAsync(request, null, CancellationToken.None)).Image.Pixels;
    }

    private static void AssertSame(string component, IReadOnlyList<TensorSignature> expected,
        IReadOnlyDictionary<string, NodeMetadata> actual)
    {
        Assert.Equal(expected.Select(t => t.Name), actual.Keys);
        foreach (var tensor in expected)
        {
            var meta = actual[tensor.Name];
            var dimensions = meta.Dimensions.Select((d, i) =>
                d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : meta.SymbolicDimensions[i]);
            var described = $"{TensorBoundary.TypeName(meta.ElementDataType)}[{string.Join(",", dimensions)}]";
            Assert.True(tensor.ToString() == described,
                $"{component} {tensor.Name}: signature {tensor}, tiny model {described}");
        }
    }
}
