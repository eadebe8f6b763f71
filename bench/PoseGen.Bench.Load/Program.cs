// Load benchmark: many users at once against a running app. Each simulated user has its own account and its own client
// address (127.0.x.y on loopback) and sends POST /api/v1/poses/detect in a closed loop; a separate client reads /health
// every 250 ms. Photos: the 4:3 middle of a fixture photo at 640x480 and at 4000x3000 (12 MP), Q90 4:2:0 JPEGs as
// phone cameras write them. Writes a Markdown section for bench/RESULTS.md to stdout, progress to stderr.
//   dotnet run -c Release --project bench/PoseGen.Bench.Load -- --url http://127.0.0.1:5097
//     [--clients 1,4,16,32,64] [--duration 20] [--photos 640x480,12mp] [--model thunder] [--warmup 5]
//     [--photo mpii_004645041.jpg]   (a photo of ../shared/fixtures/people)
//     [--server-pid PID]   (also the app's CPU time per 200 answer: steadier than wall time on a shared machine)
//   ... -- --url http://127.0.0.1:5097 --soak --server-pid PID [--soak-minutes 5] [--soak-clients 16]
//     (photos alternating 640x480 and 12 MP; the app's RSS before, every 30 s and after)
// The app must listen on 127.0.0.1 (not "localhost") for the per-user addresses to apply. Every sweep's level gets
// fresh accounts, so no level starts with limits spent by the one before.
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PoseGen.Bench.Load;
using PoseGen.Imaging;

var url = new Uri(StringOption("--url") ?? "http://127.0.0.1:5097");
var model = StringOption("--model") ?? "thunder";
var warmup = IntOption("--warmup", 5);
var runTag = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
var photos = MakePhotos(StringOption("--photo") ?? "mpii_004645041.jpg");
var nextUser = 0;
int? serverPid = StringOption("--server-pid") is { } pidText ? int.Parse(pidText, CultureInfo.InvariantCulture) : null;

using var health = BenchUser.CreateClient(url, null);
Console.Error.WriteLine($"warming up: {warmup} requests per photo from one user");
using (var warm = await BenchUser.SignUpAsync(url, nextUser++, runTag, CancellationToken.None))
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    foreach (var (label, bytes) in photos)
    {
        for (var i = 0; i < warmup; i++)
        {
            if (await LoadRun.SendAsync(warm.Http, bytes, model, clock) is { Status: not 200 } refused)
                throw new InvalidOperationException(
                    $"warm-up request for {label} answered {refused.Status} {refused.Failure}");
        }
    }
}

Console.WriteLine($"Command: `dotnet run -c Release --project bench/PoseGen.Bench.Load -- {string.Join(' ', args)}`");
Console.WriteLine();
Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, load average at the start " +
    $"{LoadRun.LoadAverage()}; app at {url}; model={model}; each user its own account and client address; closed " +
    $"loops " +
    "(a busy answer is followed by the wait its Retry-After names); latency percentiles over 200 answers.");
Console.WriteLine();
if (args.Contains("--soak"))
    await SoakAsync();
else
    await SweepAsync();
return 0;

async Task SweepAsync()
{
    var duration = TimeSpan.FromSeconds(IntOption("--duration", 20));
    var levels = (StringOption("--clients") ?? "1,4,16,32,64").Split(',')
        .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
    var wanted = (StringOption("--photos") ?? "640x480,12mp").Split(',');
    var runs = new List<RunResult>();
    Console.WriteLine($"{duration.TotalSeconds:F0} s per row.");
    Console.WriteLine();
    Console.WriteLine(Report.Header);
    Console.WriteLine(Report.Rule);
    // /health with nobody sending photos: what the machine itself allows (on a shared machine, not nothing).
    var idle = await LoadRun.RunAsync("none (baseline)", [], (_, _) => [], model, TimeSpan.FromSeconds(10), health,
        serverPid);
    Console.WriteLine(Report.Row(idle));
    Console.Error.WriteLine(Report.Row(idle));
    foreach (var (label, bytes) in photos.Where(p => wanted.Any(w =>
        p.Label.Replace(" ", "", StringComparison.Ordinal).StartsWith(w, StringComparison.OrdinalIgnoreCase))))
    {
        foreach (var clients in levels)
        {
            var users = await BenchUser.SignUpManyAsync(url, nextUser, clients, runTag, CancellationToken.None);
            nextUser += clients;
            // The sign-ups' password hashing is over before the clock starts.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var run = await LoadRun.RunAsync($"{label}, {bytes.Length / 1024} KiB", users, (_, _) => bytes, model,
                duration, health, serverPid);
            users.ForEach(u => u.Dispose());
            runs.Add(run);
            Console.WriteLine(Report.Row(run));
            Console.Error.WriteLine(Report.Row(run));
        }
    }
    Console.WriteLine();
    Console.WriteLine("Acceptance (32 users for 20 s):");
    foreach (var line in Report.Acceptance(runs, 32))
        Console.WriteLine(line);
}

async Task SoakAsync()
{
    var pid = serverPid ?? throw new ArgumentException("--soak needs --server-pid");
    var duration = TimeSpan.FromMinutes(IntOption("--soak-minutes", 5));
    var clients = IntOption("--soak-clients", 16);
    var soak = new Soak(pid);
    var users = await BenchUser.SignUpManyAsync(url, nextUser, clients, runTag, CancellationToken.None);
    nextUser += clients;
    await Task.Delay(TimeSpan.FromSeconds(2));
    soak.Read(0);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    using var stop = new CancellationTokenSource();
    var sampler = soak.SampleAsync(clock, stop.Token);
    // Each user alternates the two photos, half of them starting with the small one.
    var run = await LoadRun.RunAsync("640x480 and 12 MP alternating", users, (user, n) => photos[(user + n) % 2].Bytes,
        model, duration, health, pid);
    await stop.CancelAsync();
    await sampler;
    soak.Read(clock.Elapsed.TotalSeconds);
    users.ForEach(u => u.Dispose());
    var (_, verdict) = soak.Verdict();
    Console.WriteLine($"Soak: {clients} users for {duration.TotalMinutes:F0} minutes, app pid {pid}.");
    Console.WriteLine();
    Console.WriteLine(Report.Header);
    Console.WriteLine(Report.Rule);
    Console.WriteLine(Report.Row(run));
    Console.WriteLine();
    Console.WriteLine(soak.Table());
    Console.WriteLine();
    Console.WriteLine(
        $"Memory: before {Soak.Mib(soak.Readings[0].Kib)}, after {Soak.Mib(soak.Readings[^1].Kib)}; {verdict}.");
    Console.WriteLine();
    Console.WriteLine("Acceptance (soak):");
    foreach (var line in Report.Acceptance([run], 32))
        Console.WriteLine(line);
}

// The 4:3 middle of a fixture photo at 640x480 and 4000x3000, encoded as phone cameras do (Q90, 4:2:0).
static List<(string Label, byte[] Bytes)> MakePhotos(string name)
{
    var repoRoot = Ancestors(Directory.GetCurrentDirectory()).First(d => File.Exists(Path.Combine(d, "PoseGen.sln")));
    var fixture = Path.Combine(Ancestors(repoRoot).Skip(1).Select(d => Path.Combine(d, "shared", "fixtures"))
        .First(Directory.Exists), "people", name);
    using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddPoseGenImaging().BuildServiceProvider();
    var codec = services.GetRequiredService<IImageCodec>();
    var source = codec.Decode(File.ReadAllBytes(fixture));
    var side = Math.Min(source.Width, source.Height * 4 / 3);
    var middle = codec.Crop(source, (source.Width - side) / 2, 0, side, side * 3 / 4);
    return
    [
        ("640x480", codec.Encode(codec.Resize(middle, 640, 480), EncodeFormat.Jpeg, 90, ChromaSubsampling.Chroma420)),
        ("12 MP (4000x3000)", codec.Encode(codec.Resize(middle, 4000, 3000), EncodeFormat.Jpeg, 90,
            ChromaSubsampling.Chroma420)),
    ];
}

static IEnumerable<string> Ancestors(string directory)
{
    for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        yield return d.FullName;
}

string? StringOption(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int IntOption(string name, int fallback) => int.TryParse(StringOption(name), out var value) ? value : fallback;
