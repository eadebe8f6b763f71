using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Workouts;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.Video;

// Server-side video analysis speed: each fixture clip analysed end to end (ffmpeg decode at Video:FramesPerSecond,
// MoveNet per frame, RepCounter) a few times after one warm-up run; reports the median wall time and video seconds per
// wall second, and the reps found (which the tests pin to the labels).
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
var repoRoot = Ancestors(Directory.GetCurrentDirectory()).First(d => File.Exists(Path.Combine(d, "PoseGen.sln")));
var videos = Ancestors(repoRoot).Skip(1).Select(d => Path.Combine(d, "shared", "fixtures", "videos")).First(Directory.Exists);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = repoRoot });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference();
using var host = builder.Build();
var analyzer = host.Services.GetRequiredService<VideoWorkoutAnalyzer>();

Console.WriteLine($"{Environment.ProcessorCount} cores, {runs} timed runs per clip after one warm-up, MoveNet lightning");
Console.WriteLine("| clip | exercise | video s | reps (good + improper) | median wall s | video s per wall s |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (file, exercise) in new[] { ("squat_studio_pexels4838220.mp4", "squat"), ("pushup_outdoor_side.mp4", "push-up") })
{
    var path = Path.Combine(videos, file);
    var definition = ExerciseCatalog.Default.Get(exercise);
    var result = await analyzer.AnalyzeAsync(path, definition, PoseModelKind.Lightning, null, CancellationToken.None);
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        result = await analyzer.AnalyzeAsync(path, definition, PoseModelKind.Lightning, null, CancellationToken.None);
        times.Add(sw.Elapsed.TotalSeconds);
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"| {file} | {exercise} | {result.DurationS:0.0} | {result.Reps + result.ImproperReps} ({result.Reps} + {result.ImproperReps}) | {median:0.00} | {result.DurationS / median:0.0} |");
}

static IEnumerable<string> Ancestors(string path)
{
    for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        yield return dir.FullName;
}
