using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference.Generation;

/// <summary>
/// Checks a model folder against its manifest and PoseGen's contract, and each opened session against the manifest, so
/// a folder that does not fit is reported with the file and the tensor at fault rather than failing mid-generation.
/// </summary>
public static class StableDiffusionModelValidator
{
    /// <summary>
    /// Static checks: files present and the manifest covering the contract. Returns the problems (empty when fine).
    /// </summary>
    public static IReadOnlyList<string> CheckManifest(string folder, StableDiffusionManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        foreach (var contract in StableDiffusionContract.Components)
        {
            if (!manifest.Components.TryGetValue(contract.Name, out var component))
            {
                if (contract.Required)
                    problems.Add($"{StableDiffusionManifest.FileName} has no component '{contract.Name}'.");
                continue;
            }
            if (!File.Exists(Path.Combine(folder, component.File)))
            {
                problems.Add($"{component.File} (component {contract.Name}) is missing.");
                continue;
            }
            Compare(component.File, "input", contract.Inputs, component.Inputs, problems);
            Compare(component.File, "output", contract.Outputs, component.Outputs, problems);
        }
        foreach (var file in new[] { manifest.Tokenizer.Vocab, manifest.Tokenizer.Merges })
        {
            if (!File.Exists(Path.Combine(folder, file)))
                problems.Add($"tokenizer file {file} is missing.");
        }
        return problems;
    }

    /// <summary>The session's own names, ranks and element types must be those the manifest declares.</summary>
    public static IReadOnlyList<string> CheckSession(ManifestComponent component, InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(session);
        var problems = new List<string>();
        CompareSession(component.File, "input", component.Inputs, session.InputMetadata, problems);
        CompareSession(component.File, "output", component.Outputs, session.OutputMetadata, problems);
        return problems;
    }

    private static void Compare(
        string file, string kind, IReadOnlyList<TensorContract> wanted, IReadOnlyList<ManifestTensor> declared,
        List<string> problems)
    {
        foreach (var tensor in wanted)
        {
            var found = declared.FirstOrDefault(d => d.Name == tensor.Name);
            if (found is null)
                problems.Add(
                    $"{file} lacks {kind} {tensor.Name} (has: {string.Join(", ", declared.Select(d => d.Name))}).");
            else if (!RankFits(tensor.Rank, found.Shape))
                problems.Add(
                    $"{file} {kind} {tensor.Name} has rank {found.Rank}, PoseGen needs {Describe(tensor.Rank)}.");
        }
    }

    private static void CompareSession(
        string file, string kind, IReadOnlyList<ManifestTensor> declared,
        IReadOnlyDictionary<string, NodeMetadata> actual,
        List<string> problems)
    {
        foreach (var tensor in declared)
        {
            if (!actual.TryGetValue(tensor.Name, out var meta))
            {
                problems.Add(
                    $"{file} lacks {kind} {tensor.Name} declared in the manifest (the model has: " +
                    $"{string.Join(", ", actual.Keys)}).");
                continue;
            }
            if (meta.Dimensions.Length != tensor.Rank)
                problems.Add(
                    $"{file} {kind} {tensor.Name} has rank {meta.Dimensions.Length}, the manifest says {tensor.Rank}.");
            var type = TensorBoundary.TypeName(meta.ElementDataType);
            if (!string.Equals(type, tensor.Type, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{file} {kind} {tensor.Name} is {type}, the manifest says {tensor.Type}.");
        }
    }

    private static bool RankFits(int wanted, IReadOnlyList<long> shape) =>
        wanted < 0 ? shape.Count == 0 || (shape.Count == 1 && shape[0] is 1 or -1) : shape.Count == wanted;

    private static string Describe(int rank) => rank < 0 ? "a scalar or a 1-element vector" : $"{rank}";
}
