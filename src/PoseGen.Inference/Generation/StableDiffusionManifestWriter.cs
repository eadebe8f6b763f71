using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference.Generation;

/// <summary>
/// Describes a model folder laid out as &lt;component&gt;/model.onnx + tokenizer/{vocab.json,merges.txt}: the signature
/// is read from each ONNX Runtime session (CPU, no optimisation), so the manifest states what the files really take.
/// </summary>
public static class StableDiffusionManifestWriter
{
    public static StableDiffusionManifest Describe(string folder, string? source, bool hash)
    {
        var components = new Dictionary<string, ManifestComponent>(StringComparer.Ordinal);
        foreach (var contract in StableDiffusionContract.Components)
        {
            var file = $"{contract.Name}/model.onnx";
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) continue;
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(path, options);
            components[contract.Name] = new ManifestComponent(
                file, hash ? Sha256(path) : null, Describe(session.InputMetadata), Describe(session.OutputMetadata));
        }
        return new StableDiffusionManifest(source, components, new ManifestTokenizer("tokenizer/vocab.json",
            "tokenizer/merges.txt"));
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static List<ManifestTensor> Describe(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. metadata.Select(m => new ManifestTensor(
            m.Key, TensorBoundary.TypeName(m.Value.ElementDataType), [.. m.Value.Dimensions.Select(d => (long)d)]))];
}
