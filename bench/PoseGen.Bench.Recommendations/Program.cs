using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Application;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;
using PoseGen.Core.Recommendations;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.TestSupport;

// Recommendation latency on this machine, in milliseconds: cold start once, then the median and 95th percentile of
// repeated calls. "prompt + detected pose" feeds a library pose projected in three-quarter view (recommender alone);
// "photo end to end" runs what POST /api/v1/recommendations does with an image: JPEG bytes -> PhotoPoseDetector (Auto,
// real converted models) -> most confident person -> recommender.
string[] prompts =
[
    "golden hour on the beach in a summer dress, I want something elegant",
    "small hotel room, sportswear, 15 minutes for my back",
    "yoga in the park, my knees hurt, not on the floor",
];
var profile = new UserProfile(new HashSet<Goal> { Goal.Yoga, Goal.Aesthetics }, Level.Intermediate,
    new HashSet<Limitation> { Limitation.Knees }, ["balance"], 172);

var cold = Stopwatch.StartNew();
var library = PoseLibrary.Default;
var recommender = new PoseRecommender(library);
recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.FromPrompt(
    PromptParser.Default.Parse(prompts[0]))));
Console.WriteLine(
    $"cold start (load {library.All.Count} poses, ground, first request): {cold.Elapsed.TotalMilliseconds:0} ms");

var photo = library.Project(library.Find("warrior-2")!, PoseView.ThreeQuarter).ToCoco();
recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.None, photo));

Report("prompt parse", 2000, i => PromptParser.Default.Parse(prompts[i % prompts.Length]));
Report("prompt -> 8 recommendations", 500, i =>
    recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.FromPrompt(
        PromptParser.Default.Parse(prompts[i % prompts.Length])))));
Report("prompt + detected pose -> 8 recommendations", 200, i =>
    recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.FromPrompt(
        PromptParser.Default.Parse(prompts[i % prompts.Length])), photo)));
Report("mannequin SVG (one pose, one view)", 500, i => library.MannequinSvg(library.All[i % library.All.Count],
    PoseView.ThreeQuarter));
Report("ground a pose for a new body (FK solver)", 100, i =>
    library.Ground(library.All[i % library.All.Count], BodyProportions.ForHeight(1.6 + (i % 7 * 0.05))));

var repoRoot = RepoPaths.Root;
var photoPath = RepoPaths.Fixture("pairs", "tree_overhead_a.jpg");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
    ContentRootPath = repoRoot });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference().AddPoseGenApplication();
using var host = builder.Build();
var photos = host.Services.GetRequiredService<PhotoPoseDetector>();
var jpeg = File.ReadAllBytes(photoPath);
async Task PhotoToRecommendations(int i)
{
    var detection = await photos.DetectAsync(jpeg, PoseModelKind.Auto, CancellationToken.None);
    var person = detection.People.Count > 0 ? detection.People[0] : null;
    recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.FromPrompt(
        PromptParser.Default.Parse(prompts[i % prompts.Length])), person));
}
for (var i = 0; i < 3; i++)
    await PhotoToRecommendations(i);
await ReportAsync(
    $"photo end to end ({Path.GetFileName(photoPath)}, {jpeg.Length / 1024} KiB JPEG: decode, detect, recommend 8)", 30,
    PhotoToRecommendations);


static async Task ReportAsync(string name, int n, Func<int, Task> work)
{
    var times = new double[n];
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await work(i);
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Print(name, times);
}

static void Report(string name, int n, Action<int> work)
{
    var times = new double[n];
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        work(i);
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Print(name, times);
}

static void Print(string name, double[] times)
{
    Array.Sort(times);
    var n = times.Length;
    Console.WriteLine($"{name}: median {times[n / 2]:0.000} ms, p95 {times[(int)(n * 0.95)]:0.000} ms (n = {n})");
}
