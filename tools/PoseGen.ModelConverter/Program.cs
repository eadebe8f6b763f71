using System.Globalization;
using PoseGen.ModelConverter;

// posegen-model-converter build --manifest models/models.json --packages node_modules [--only a,b] [--update-manifest]
//   Converts the manifest's models from their npm packages, checks them in ONNX Runtime, writes them beside the
//   manifest and reports (or with --update-manifest, records) any difference from the manifest.
// posegen-model-converter convert <model.json> <out.onnx>
//   Converts one TF.js graph model and checks it in ONNX Runtime.
var arguments = args.ToList();
try
{
    return arguments.FirstOrDefault() switch
    {
        "build" => BuildCommand(arguments),
        "convert" when arguments.Count == 3 => ConvertCommand(arguments[1], arguments[2]),
        _ => Usage(),
    };
}
catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidDataException
    or IOException)
{
    Console.Error.WriteLine($"posegen-model-converter: error PGMODEL0: {e.Message}");
    return 1;
}

static int BuildCommand(List<string> arguments)
{
    var manifestPath = Path.GetFullPath(Option(arguments, "--manifest") ?? "models/models.json");
    var packages = Path.GetFullPath(Option(arguments, "--packages") ?? "node_modules");
    var only = Option(arguments, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
    var update = arguments.Contains("--update-manifest");
    var manifest = ModelManifest.Load(manifestPath);
    var directory = Path.GetDirectoryName(manifestPath)!;

    var entries = manifest.Models.ToList();
    for (var i = 0; i < entries.Count; i++)
    {
        if (only is not null && !only.Contains(entries[i].Name))
            continue;
        var result = ModelBuild.Build(entries[i], directory, packages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Entry.Name}: {result.NodeCount} ONNX nodes, converted in {result.ConvertTime.TotalSeconds:F2} " +
            $"s, " +
            $"checked in ONNX Runtime in {result.CheckTime.TotalSeconds:F2} s, sha256 {result.Entry.Sha256}"));
        foreach (var difference in result.Differences)
        {
            Console.WriteLine(update
                ? $"{result.Entry.Name}: recording in models.json: {difference}"
                : $"{manifestPath}: warning PGMODEL1: {result.Entry.Name}: {difference}. If the converter change is " +
                $"intended, run " +
                  "'dotnet run --project tools/PoseGen.ModelConverter -- build --update-manifest' and commit " +
                  "models.json.");
        }
        entries[i] = result.Entry;
    }
    if (update)
        (manifest with { Models = entries }).Save(manifestPath);
    return 0;
}

static int ConvertCommand(string modelJson, string output)
{
    var bytes = ModelBuild.ConvertFile(modelJson, Path.GetFileNameWithoutExtension(output));
    var (inputs, outputs) = OrtModelCheck.Check(bytes);
    File.WriteAllBytes(output, bytes);
    Console.WriteLine($"{output}: written, runs in ONNX Runtime");
    foreach (var spec in inputs.Concat(outputs))
        Console.WriteLine(
            $"  {(inputs.Contains(spec) ? "input " : "output")} {spec.Name} " +
            $"{spec.Dtype}[{string.Join(',', spec.Shape)}]");
    return 0;
}

static string? Option(List<string> arguments, string name)
{
    var i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: posegen-model-converter build [--manifest models/models.json] [--packages node_modules] [--only " +
        "name,...] [--update-manifest]");
    Console.Error.WriteLine("       posegen-model-converter convert <model.json> <out.onnx>");
    return 2;
}
