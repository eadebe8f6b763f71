using PoseGen.Inference.Generation;

// Usage: PoseGen.GenerationManifest <model folder> [source description]
// Exit code 0: manifest written and the folder fits; 1: usage; 2: the folder does not fit (problems printed).
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: PoseGen.GenerationManifest <models/stable-diffusion> [source]");
    return 1;
}
var folder = Path.GetFullPath(args[0]);
var manifest = StableDiffusionManifestWriter.Describe(folder, args.Length > 1 ? args[1] : null, hash: true);
var path = Path.Combine(folder, StableDiffusionManifest.FileName);
File.WriteAllText(path, manifest.ToJson());
Console.WriteLine($"wrote {path}");
foreach (var (name, component) in manifest.Components)
    Console.WriteLine($"  {name}: {component.File} sha256 {component.Sha256} inputs {string.Join(", ", component.Inputs.Select(i => $"{i.Name} {i.Type}[{string.Join(",", i.Shape)}]"))}");
var problems = StableDiffusionModelValidator.CheckManifest(folder, manifest);
foreach (var problem in problems)
    Console.Error.WriteLine(problem);
return problems.Count == 0 ? 0 : 2;
