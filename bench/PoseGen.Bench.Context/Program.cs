using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Core.Abstractions;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.TestSupport;

// Context classification on ../shared/fixtures/scenes: top-1 and top-2 accuracy for environment and outfit, the
// confusion pairs (wanted -> top-1) and the time per photo (JPEG bytes -> decode at most 1024 px -> CenterNet, MoveNet
// Auto, selfie mask, rules), median of --iterations runs per photo after one warm-up.
// dotnet run -c Release --project bench/PoseGen.Bench.Context -- [--iterations 5]
var iterations = args.Length == 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var repoRoot = RepoPaths.Root;
var dir = RepoPaths.Fixture("scenes");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
    ContentRootPath = repoRoot });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference();
using var host = builder.Build();
var classifier = host.Services.GetRequiredService<ISceneClassifier>();
var codec = host.Services.GetRequiredService<IImageCodec>();

int env1 = 0, env2 = 0, out1 = 0, out2 = 0;
var confusions = new List<string>();
var times = new List<double>();
var labels = SceneFixtureLabels.Load(Path.Combine(dir, "labels.csv"));
foreach (var (file, environment, outfit) in labels)
{
    var jpeg = File.ReadAllBytes(Path.Combine(dir, file));
    var context = await classifier.ClassifyAsync(codec.DecodeThumbnail(jpeg, 1024, 1024), CancellationToken.None);
    var runs = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await classifier.ClassifyAsync(codec.DecodeThumbnail(jpeg, 1024, 1024), CancellationToken.None);
        runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    runs.Sort();
    times.Add(runs[runs.Count / 2]);
    var envTop = context.Environment.Select(e => e.Label).ToList();
    var outTop = context.Outfit.Select(e => e.Label).ToList();
    env1 += envTop.Take(1).Any(environment.Contains) ? 1 : 0;
    env2 += envTop.Take(2).Any(environment.Contains) ? 1 : 0;
    out1 += outTop.Take(1).Any(outfit.Contains) ? 1 : 0;
    out2 += outTop.Take(2).Any(outfit.Contains) ? 1 : 0;
    if (!envTop.Take(1).Any(environment.Contains)) confusions.Add(
        $"environment {string.Join('|', environment)} -> {envTop.FirstOrDefault() ?? "none"} ({file})");
    if (!outTop.Take(1).Any(outfit.Contains)) confusions.Add(
        $"outfit {string.Join('|', outfit)} -> {outTop.FirstOrDefault() ?? "none"} ({file})");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{file,-20} env [{string.Join(", ", envTop.Take(3))}] outfit [{string.Join(", ", outTop.Take(3))}] " +
        $"{context.Lighting}, median {runs[runs.Count / 2]:F0} ms"));
}
var n = labels.Count;
Console.WriteLine($"environment top-1 {env1}/{n}, top-2 {env2}/{n}; outfit top-1 {out1}/{n}, top-2 {out2}/{n}");
Console.WriteLine("confusions (wanted -> top-1):");
foreach (var c in confusions) Console.WriteLine("  " + c);
times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"time per photo (median over photos of each photo's median): {times[times.Count / 2]:F0} ms, min {times[0]:F0}, " +
    $"max {times[^1]:F0}"));
