using System.Globalization;
using System.Text.Json;

namespace PoseGen.Inference.Generation;

/// <summary>
/// What a real export is expected to take and give (models/signatures/*.json): per component the input and output
/// names, element types (as <see cref="TensorBoundary.TypeName"/> spells them) and shapes, with symbolic dimensions by
/// name. The tiny test models are built from these files; the manifest tool compares downloaded files with them.
/// </summary>
public sealed record ModelSignature(string Name, IReadOnlyDictionary<string, ComponentSignature> Components)
{
    /// <exception cref="FormatException">The file is not a signature file.</exception>
    public static ModelSignature Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var components = new Dictionary<string, ComponentSignature>(StringComparer.Ordinal);
            foreach (var component in root.GetProperty("components").EnumerateObject())
            {
                components[component.Name] = new ComponentSignature(
                    component.Value.GetProperty("file").GetString()!,
                    Tensors(component.Value.GetProperty("inputs")),
                    Tensors(component.Value.GetProperty("outputs")));
            }
            return new ModelSignature(root.GetProperty("name").GetString()!, components);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{Path.GetFileName(path)} is not a model signature file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// How the downloaded files (as the manifest read them) differ from this signature; empty when they do not.
    /// </summary>
    public IReadOnlyList<string> Differences(StableDiffusionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var differences = new List<string>();
        foreach (var (name, expected) in Components)
        {
            if (!manifest.Components.TryGetValue(name, out var actual))
            {
                differences.Add($"{expected.File}: not in the folder.");
                continue;
            }
            Compare(expected.File, "input", expected.Inputs, actual.Inputs, differences);
            Compare(expected.File, "output", expected.Outputs, actual.Outputs, differences);
        }
        return differences;
    }

    private static void Compare(
        string file, string kind, IReadOnlyList<TensorSignature> expected, IReadOnlyList<ManifestTensor> actual,
        List<string> differences)
    {
        foreach (var tensor in expected)
        {
            var found = actual.FirstOrDefault(a => a.Name == tensor.Name);
            if (found is null)
                differences.Add($"{file}: no {kind} {tensor.Name} (expected {tensor}).");
            else if (found.Type != tensor.Type || found.Rank != tensor.Shape.Count
                || tensor.Shape.Zip(found.Shape).Any(p => p.First.Value is { } v && v != p.Second))
                differences.Add($"{file}: {kind} {tensor.Name} is {found.Type}[{string.Join(",", found.Shape)}], " +
                    $"expected {tensor}.");
        }
        foreach (var extra in actual.Where(a => expected.All(e => e.Name != a.Name)))
            differences.Add(
                $"{file}: has {kind} {extra.Name} {extra.Type}[{string.Join(",", extra.Shape)}] that the signature " +
                $"lacks.");
    }

    private static List<TensorSignature> Tensors(JsonElement array) =>
        [.. array.EnumerateArray().Select(t => new TensorSignature(
            t.GetProperty("name").GetString()!,
            t.GetProperty("type").GetString()!,
            [.. t.GetProperty("shape").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number
                ? new SignatureDimension(d.GetInt64(), null)
                : new SignatureDimension(null, d.GetString()))]))];
}

public sealed record ComponentSignature(string File, IReadOnlyList<TensorSignature> Inputs,
    IReadOnlyList<TensorSignature> Outputs)
{
    public TensorSignature Input(string name) => Inputs.Single(i => i.Name == name);
}

public sealed record TensorSignature(string Name, string Type, IReadOnlyList<SignatureDimension> Shape)
{
    public override string ToString() => $"{Type}[{string.Join(",", Shape)}]";
}

/// <summary>A fixed size (<see cref="Value"/>) or a symbolic one (<see cref="Symbol"/>, e.g. "batch", "h/2").</summary>
public readonly record struct SignatureDimension(long? Value, string? Symbol)
{
    public override string ToString() => Value?.ToString(CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
