using PoseGen.Inference.Generation;

// Usage: PoseGen.GenerationManifest <model folder> [source description] [models/signatures/NAME.json]
// Exit code 0: manifest written and the folder fits; 1: usage; 2: the folder does not fit (problems printed).
// With a signature file, every way the files differ from it is printed as a note (PoseGen's contract decides fitting;
// the signature says what the export was expected to be, so a note is where to look first if a render goes wrong).
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: PoseGen.GenerationManifest <models/stable-diffusion> [source] [signature.json]");
    return 1;
}
var folder = Path.GetFullPath(args[0]);
var manifest = StableDiffusionManifestWriter.Describe(folder, args.Length > 1 ? args[1] : null, hash: true);
var path = Path.Combine(folder, StableDiffusionManifest.FileName);
File.WriteAllText(path, manifest.ToJson());
Console.WriteLine($"wrote {path}");
foreach (var (name, component) in manifest.Components)
{
    var inputs = component.Inputs.Select(i => $"{i.Name} {i.Type}[{string.Join(",", i.Shape)}]");
    Console.WriteLine($"  {name}: {component.File} sha256 {component.Sha256} inputs {string.Join(", ", inputs)}");
}
if (args.Length == 3)
{
    var differences = ModelSignature.Load(args[2]).Differences(manifest);
    Console.WriteLine(differences.Count == 0
        ? $"  the files match {Path.GetFileName(args[2])}"
        : $"  {differences.Count} difference(s) from {Path.GetFileName(args[2])}:");
    foreach (var difference in differences)
        Console.WriteLine($"  note: {difference}");
}
var problems = StableDiffusionModelValidator.CheckManifest(folder, manifest);
foreach (var problem in problems)
    Console.Error.WriteLine(problem);
return problems.Count == 0 ? 0 : 2;
