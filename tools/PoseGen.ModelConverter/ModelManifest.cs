using System.Text.Json;
using System.Text.Json.Serialization;

namespace PoseGen.ModelConverter;

/// <summary>
/// A model input or output as ONNX Runtime reports it: dtype name ("int32", "float") and shape (-1 = dynamic).
/// </summary>
public sealed record ModelTensorSpec(string Name, string Dtype, IReadOnlyList<long> Shape);

/// <summary>
/// Where a converted model comes from: an npm package, its version, and the graph model's path inside it.
/// </summary>
public sealed record ModelSource(string Package, string Version, string Model);

/// <param name="FreeInputSize">Keep the sizes the graph's input placeholder leaves free (-1) instead of fixing them
/// at the signature's example shape; for a graph that is meant to run at more than one input size (multipose).</param>
public sealed record ModelEntry(
    string Name,
    string File,
    string Sha256,
    ModelSource Source,
    string Licence,
    long Opset,
    IReadOnlyList<ModelTensorSpec> Inputs,
    IReadOnlyList<ModelTensorSpec> Outputs,
    bool FreeInputSize = false);

/// <summary>models/models.json: what each model file is, where it came from, its checksum and its signature.</summary>
public sealed record ModelManifest(IReadOnlyList<ModelEntry> Models)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static ModelManifest Load(string path) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(path), Json)
        ?? throw new InvalidDataException($"{path} is not a model manifest.");

    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    public void Save(string path) => File.WriteAllText(path, ToJson());
}
