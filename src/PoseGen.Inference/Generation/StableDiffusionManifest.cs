using System.Text.Json;
using System.Text.Json.Serialization;

namespace PoseGen.Inference.Generation;

/// <summary>
/// models/stable-diffusion/manifest.json, written by scripts/fetch-models from the downloaded files: per component its
/// file (relative to the manifest), sha256 and the input/output signature read from the ONNX graph.
/// </summary>
public sealed record StableDiffusionManifest(
    string? Source,
    IReadOnlyDictionary<string, ManifestComponent> Components,
    ManifestTokenizer Tokenizer)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    /// <exception cref="FormatException">The file is not a manifest.</exception>
    public static StableDiffusionManifest Load(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<StableDiffusionManifest>(File.ReadAllText(path), Json);
            if (manifest?.Components is null || manifest.Tokenizer is null)
                throw new FormatException($"{FileName} lacks 'components' or 'tokenizer'.");
            return manifest;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{FileName} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}).", ex);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="File">Path of the .onnx file relative to the manifest, e.g. "unet/model.onnx".</param>
/// <param name="Sha256">Lower-case hex digest, checked by scripts/fetch-models after download.</param>
public sealed record ManifestComponent(
    string File,
    string? Sha256,
    IReadOnlyList<ManifestTensor> Inputs,
    IReadOnlyList<ManifestTensor> Outputs);

/// <param name="Type">ONNX element type in lower case: float, float16, int32, int64, double.</param>
/// <param name="Shape">Dimensions; -1 for a symbolic or unknown one.</param>
public sealed record ManifestTensor(string Name, string Type, IReadOnlyList<long> Shape)
{
    [JsonIgnore]
    public int Rank => Shape.Count;
}

public sealed record ManifestTokenizer(string Vocab, string Merges);
