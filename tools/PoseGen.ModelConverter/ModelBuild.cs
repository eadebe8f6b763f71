using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter;

/// <summary>
/// The outcome of converting one manifest entry; Entry holds the values measured on the produced file.
/// </summary>
public sealed record ModelBuildResult(ModelEntry Entry, IReadOnlyList<string> Differences, int NodeCount,
    TimeSpan ConvertTime, TimeSpan CheckTime);

/// <summary>
/// Converts manifest entries from their npm package into the manifest's folder and compares with the manifest.
/// </summary>
public static class ModelBuild
{
    public static byte[] ConvertFile(string modelJsonPath, string graphName, bool freeInputSize = false) =>
        OnnxWriter.Write(TfjsToOnnxConverter.Convert(TfjsGraphModel.Load(modelJsonPath), graphName, freeInputSize));

    public static ModelBuildResult Build(ModelEntry entry, string manifestDirectory, string packagesDirectory)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var packageDir = Path.Combine(packagesDirectory, entry.Source.Package);
        var installed = InstalledVersion(packageDir);
        if (installed != entry.Source.Version)
            throw new InvalidOperationException(
                $"{entry.Name}: models.json wants {entry.Source.Package}@{entry.Source.Version}, node_modules has " +
                $"{installed ?? "nothing"}.");

        var clock = Stopwatch.StartNew();
        var tfjs = TfjsGraphModel.Load(Path.Combine(packageDir, entry.Source.Model));
        var onnx = TfjsToOnnxConverter.Convert(tfjs, entry.Name, entry.FreeInputSize);
        var bytes = OnnxWriter.Write(onnx);
        var convertTime = clock.Elapsed;

        clock.Restart();
        var (inputs, outputs) = OrtModelCheck.Check(bytes);
        var checkTime = clock.Elapsed;

        var target = Path.Combine(manifestDirectory, entry.File);
        var temp = $"{target}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);

        var measured = entry with
        {
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Opset = TfjsToOnnxConverter.Opset,
            Inputs = inputs,
            Outputs = outputs,
        };
        return new ModelBuildResult(measured, Differences(entry, measured), onnx.Graph.Nodes.Count, convertTime,
            checkTime);
    }

    private static List<string> Differences(ModelEntry declared, ModelEntry measured)
    {
        var differences = new List<string>();
        if (declared.Sha256 != measured.Sha256)
            differences.Add($"sha256 is {measured.Sha256}, models.json says {declared.Sha256}");
        if (declared.Opset != measured.Opset)
            differences.Add($"opset is {measured.Opset}, models.json says {declared.Opset}");
        if (Signature(declared.Inputs) != Signature(measured.Inputs))
            differences.Add($"inputs are {Signature(measured.Inputs)}, models.json says {Signature(declared.Inputs)}");
        if (Signature(declared.Outputs) != Signature(measured.Outputs))
            differences.Add(
                $"outputs are {Signature(measured.Outputs)}, models.json says {Signature(declared.Outputs)}");
        return differences;
    }

    private static string Signature(IReadOnlyList<ModelTensorSpec> specs) =>
        string.Join("; ", specs.Select(s => $"{s.Name} {s.Dtype}[{string.Join(',', s.Shape)}]"));

    private static string? InstalledVersion(string packageDir)
    {
        var packageJson = Path.Combine(packageDir, "package.json");
        if (!File.Exists(packageJson))
            return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(packageJson));
        return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }
}
