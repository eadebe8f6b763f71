// Issue 3 benchmark, a Stopwatch runner (warm-up, then many timed iterations; medians reported). BenchmarkDotNet would
// spend most of its time on pilot/overhead stages a shared 2-core machine cannot afford, and the TF.js side has to run
// in Node anyway. Writes a Markdown section for bench/RESULTS.md to stdout.
//   dotnet run -c Release --project bench/PoseGen.Bench.Inference -- [--iterations 50] [--warmup 5]
//   dotnet run -c Release --project bench/PoseGen.Bench.Inference -- --crowds   (issue 14: accuracy per dataset and
//   crowd size) dotnet run -c Release --project bench/PoseGen.Bench.Inference -- --crowds --quick [--only 162092]
//   [--set Inference:PersonBoxScore=0.1]
//     (Auto only, no TF.js, every person's OKS outside train2017: for trying a change; --only keeps the photos whose
//     name contains the text; --set overrides any setting and may be repeated)
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.ML.OnnxRuntime;
using PoseGen.Application;
using PoseGen.Application.Photos;
using PoseGen.Bench.Inference;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Tests.Support;
using PoseGen.TestSupport;

var iterations = IntOption("--iterations", 50);
var warmup = IntOption("--warmup", 5);
var repoRoot = RepoPaths.Root;
var people = RepoPaths.Fixture("people");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
    ContentRootPath = repoRoot });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Configuration.AddInMemoryCollection(args.Select((a, i) => (a, i))
    .Where(x => x.a == "--set" && x.i + 1 < args.Length)
    .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[^1]));
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference().AddPoseGenApplication();
using var host = builder.Build();
await host.StartAsync();
var codec = host.Services.GetRequiredService<IImageCodec>();
var detector = host.Services.GetRequiredService<IPoseDetector>();
var photoDetector = host.Services.GetRequiredService<PhotoPoseDetector>();
var status = host.Services.GetRequiredService<OnnxModelHost>().GetStatus();

if (args.Contains("--crowds"))
{
    await Crowds.RunAsync(Path.GetDirectoryName(people)!, codec, detector, repoRoot, quick: args.Contains("--quick"),
        only: StringOption("--only"));
    return 0;
}

var truth = CocoGroundTruth.Load(Path.Combine(people, "annotations.json"));
var photos = truth.ToDictionary(t => t.FileName, t => codec.Decode(
    File.ReadAllBytes(Path.Combine(people, t.FileName))));
var reference = photos["mpii_004645041.jpg"];
var models = new[] { ModelCatalog.MoveNetLightning, ModelCatalog.MoveNetThunder, ModelCatalog.MoveNetMultipose };

Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} logical cores (shared with other jobs), ONNX Runtime " +
    $"{status.OnnxRuntimeVersion} on {status.Provider}, .NET {Environment.Version}; {warmup} warm-up + {iterations} " +
    $"timed iterations, medians in ms (mean, p90, min).");
Console.WriteLine();

// (a) raw ONNX Runtime inference per model and thread count.
var raw = new Dictionary<(string Model, string Config), Timing>();
foreach (var (label, threads, level) in new[] { ("1 thread", 1, GraphOptimizationLevel.ORT_ENABLE_ALL),
    ("default threads", 0, GraphOptimizationLevel.ORT_ENABLE_ALL),
    ("default threads, basic graph opt.", 0, GraphOptimizationLevel.ORT_ENABLE_BASIC) })
{
    using var services = RawInference.Services(threads, level);
    var modelHost = services.GetRequiredService<OnnxModelHost>();
    foreach (var model in models)
        raw[(model.Name, label)] = RawInference.Measure(modelHost, model, reference, warmup, iterations);
}

// (c) TF.js wasm, raw and pose-detection predictions on the same decoded pixels.
var tfjs = TfjsResults.Run(repoRoot, photos, warmup, iterations);

Console.WriteLine("### (a) raw inference, (c) TF.js wasm on the same graphs");
Console.WriteLine();
Console.WriteLine("| model | ORT 1 thread | ORT default threads | ORT default, basic graph opt. | " + tfjs.Description
    + " | speed-up (ORT default vs TF.js) |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var model in models)
{
    var ort = raw[(model.Name, "default threads")];
    var basic = raw[(model.Name, "default threads, basic graph opt.")];
    var speedUp = (tfjs.Raw[model.Name].MedianMs / ort.MedianMs).ToString("F1", CultureInfo.InvariantCulture);
    Console.WriteLine(
        $"| {model.Name} | {raw[(model.Name, "1 thread")]} | {ort} | {basic} | {tfjs.Raw[model.Name]} | {speedUp}x |");
}
Console.WriteLine();

// (b) end to end: JPEG bytes to keypoints, through PhotoPoseDetector.
var crop = codec.Crop(reference, 160, 0, 960, 720);
var twelveMp = codec.Resize(crop, 4000, 3000);
// libvips' jpegsave turns chroma subsampling off from Q90 up (4:4:4); phone cameras write 4:2:0, which leaves half the
// blocks for the decoder to entropy-decode. Both 12 MP files are kept: the 4:4:4 row is the one earlier runs reported.
var jpegs = new Dictionary<string, byte[]>
{
    ["640x480"] = codec.Encode(codec.Resize(crop, 640, 480), EncodeFormat.Jpeg, 90),
    ["4000x3000 (12 MP, 4:4:4, libvips Q90 default)"] = codec.Encode(twelveMp, EncodeFormat.Jpeg, 90),
    ["4000x3000 (12 MP, 4:2:0 Q90, as phone cameras write)"] =
        codec.Encode(twelveMp, EncodeFormat.Jpeg, 90, ChromaSubsampling.Chroma420),
};
// How the working size of PhotoPoseDetector (Inference:DetectionMaxSide) prices the 12 MP decode: JPEG shrink-on-load
// divides by 2, 4 or 8 while decoding, so sizes just under 1/4 or 1/8 of the photo are cheap.
var twelve = jpegs["4000x3000 (12 MP, 4:4:4, libvips Q90 default)"];
var twelve420 = jpegs["4000x3000 (12 MP, 4:2:0 Q90, as phone cameras write)"];
// DecodeThumbnail leaves a factor of two to the resampler (libvips' rule); DecodeForAnalysis, which PhotoPoseDetector
// uses, lets the JPEG decoder shrink as far as the working size allows.
Console.WriteLine("### 12 MP JPEG decode by working size (shrink-on-load)");
Console.WriteLine();
Console.WriteLine(
    "| long side | DecodeThumbnail (smooth), 4:4:4 | DecodeForAnalysis (detector), 4:4:4 | DecodeForAnalysis " +
    "(detector), 4:2:0 |");
Console.WriteLine("|---|---|---|---|");
foreach (var side in new[] { 500, 1000, 1024, 1600, 2000 })
    Console.WriteLine(
        $"| {side} | {Timing.Measure(warmup, iterations, () => codec.DecodeThumbnail(twelve, side, side))} | " +
        $"{Timing.Measure(warmup, iterations, () => codec.DecodeForAnalysis(twelve, side))} | " +
        $"{Timing.Measure(warmup, iterations, () => codec.DecodeForAnalysis(twelve420, side))} |");
Console.WriteLine($"| full (4000) | {Timing.Measure(1, Math.Min(iterations, 10), () => codec.Decode(twelve))} | | |");
Console.WriteLine();

Console.WriteLine("### (b) end to end, JPEG bytes to keypoints (PhotoPoseDetector, default threads)");
Console.WriteLine();
// The last column asks the target's question within each call: everything but the model runs (decode, resampling,
// post-processing) against the 25 ms allowance, free of the run-to-run noise between section (a) and this one.
Console.WriteLine(
    "| JPEG | pipeline | total | decode | resample | inference | model runs | raw inference x runs + 25 ms | total - " +
    "own inference (<= 25 ms) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (name, bytes) in jpegs)
{
    foreach (var kind in new[] { PoseModelKind.Lightning, PoseModelKind.Thunder, PoseModelKind.Auto })
    {
        var results = new List<PoseDetectionResult>();
        var total = Timing.Measure(warmup, iterations, () => results.Add(
            photoDetector.DetectAsync(bytes, kind, CancellationToken.None).GetAwaiter().GetResult()));
        var timed = results.Skip(warmup).ToList();
        double Median(Func<PoseDetectionTimings, double> f) => Timing.Of(timed.Select(r => f(r.Timings)).ToList())
            .MedianMs;
        var runs = timed[^1].Timings.ModelRuns;
        var budget = kind switch
        {
            PoseModelKind.Lightning => raw[("movenet-lightning", "default threads")].MedianMs * runs,
            PoseModelKind.Thunder => raw[("movenet-thunder", "default threads")].MedianMs * runs,
            _ => raw[("movenet-multipose", "default threads")].MedianMs + raw[("movenet-thunder", "default threads")]
                .MedianMs * (runs - 1),
        } + 25;
        var overhead = Median(t => t.TotalMs - t.InferenceMs);
        Console.WriteLine(
            $"| {name} | {kind} | {total} | {Timing.F(Median(t => t.DecodeMs))} | " +
            $"{Timing.F(Median(t => t.PreprocessMs))} | {Timing.F(Median(t => t.InferenceMs))} | {runs} | " +
            $"{Timing.F(budget)} ({(total.MedianMs <= budget ? "met" : "missed")}) | {Timing.F(overhead)} " +
            $"({(overhead <= 25 ? "met" : "missed")}) |");
    }
}
Console.WriteLine();

// (d) accuracy against annotations.json.
Console.WriteLine(
    $"### (d) accuracy on the {truth.Count} fixture photos ({truth.Sum(t => t.People.Count)} annotated people)");
Console.WriteLine();
Console.WriteLine("| pipeline | PCK@0.2 (torso) | mean OKS | annotated people found | median ms per photo |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var kind in new[] { PoseModelKind.Lightning, PoseModelKind.Thunder, PoseModelKind.Multipose,
    PoseModelKind.Auto })
{
    var ours = new Dictionary<string, IReadOnlyList<Pose>>();
    var times = new List<double>();
    foreach (var (file, image) in photos)
    {
        var started = Stopwatch.GetTimestamp();
        ours[file] = (await detector.DetectAsync(image, kind, CancellationToken.None)).People;
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Row($"PoseGen {kind}", AccuracyScore.Of(truth, ours), Timing.Of(times).MedianMs);
    if (tfjs.Predictions.TryGetValue(kind.ToString(), out var theirs))
        Row($"TF.js pose-detection 2.1.3 {kind}", AccuracyScore.Of(truth, theirs),
            tfjs.MedianPipelineMs[kind.ToString()]);
}
await host.StopAsync();
return 0;

static void Row(string name, AccuracyScore score, double ms) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {name} | {score.Pck:F3} ({score.Correct}/{score.Labelled}) | {score.MeanOks:F3} | " +
    $"{score.Found}/{score.Annotated} | {ms:F1} |"));


string? StringOption(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int IntOption(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
