// Photo path end to end: 12 MP phone-style JPEGs sent over HTTP to a running app (POST /api/v1/poses/detect), beside
// TF.js pose-detection on the same photo already decoded (bench/tfjs/movenet-bench.mjs), in one run. The photos are a
// 4:3 crop of a fixture photo upscaled to 4000x3000 and encoded by libvips at Q90, 4:2:0 (as phone cameras write) and
// 4:4:4. Writes a Markdown section for bench/RESULTS.md to stdout.
//   dotnet run -c Release --project bench/PoseGen.Bench.PhotoPath -- --url http://localhost:5080 [--requests 25]
//   [--warmup 3] [--model thunder]
//     [--photo mpii_004645041.jpg]   (a photo of ../shared/fixtures/people; its 4:3 middle is used)
//     [--server-pid PID]   (also the app process's CPU time per timed request: steadier than wall time on a busy
//     machine)
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PoseGen.Imaging;
using PoseGen.TestSupport;

var url = StringOption("--url") ?? "http://localhost:5080";
var requests = IntOption("--requests", 25);
var warmup = IntOption("--warmup", 3);
var model = StringOption("--model") ?? "thunder";
var repoRoot = RepoPaths.Root;
var fixture = RepoPaths.Fixture("people", StringOption("--photo") ?? "mpii_004645041.jpg");

using var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddPoseGenImaging().BuildServiceProvider();
var codec = services.GetRequiredService<IImageCodec>();
var source = codec.Decode(File.ReadAllBytes(fixture));
var side = Math.Min(source.Width, source.Height * 4 / 3);
var photo = codec.Resize(codec.Crop(source, (source.Width - side) / 2, 0, side, side * 3 / 4), 4000, 3000);
var files = new (string Label, byte[] Bytes)[]
{
    ("4000x3000 (12 MP), 4:2:0 Q90 (phone camera)", codec.Encode(photo, EncodeFormat.Jpeg, 90,
        ChromaSubsampling.Chroma420)),
    ("4000x3000 (12 MP), 4:4:4 Q90", codec.Encode(photo, EncodeFormat.Jpeg, 90, ChromaSubsampling.Chroma444)),
};

using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
await SignInAsync(client);
var rows = new List<string>();
foreach (var (label, bytes) in files)
{
    var wall = new List<double>();
    var inference = new List<double>();
    var overhead = new List<double>();
    var decode = new List<double>();
    var outside = new List<double>();
    TimeSpan? cpuBefore = null;
    for (var i = 0; i < warmup + requests; i++)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "image", "photo.jpg");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync($"/api/v1/poses/detect?model={model}", content);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"detect answered {(int)response.StatusCode}: {body}");
        if (i < warmup)
        {
            if (i == warmup - 1)
                cpuBefore = ServerCpu();
            continue;
        }
        using var json = JsonDocument.Parse(body);
        var timings = json.RootElement.GetProperty("timingsMs");
        var own = timings.GetProperty("inference").GetDouble();
        decode.Add(timings.GetProperty("decode").GetDouble());
        // Everything but the detector's own work: HTTP, upload, history picture, thumbnail and history write.
        outside.Add(elapsed - timings.GetProperty("total").GetDouble());
        wall.Add(elapsed);
        inference.Add(own);
        overhead.Add(elapsed - own);
    }
    var cpu = ServerCpu() - cpuBefore;
    var cpuPerRequest = cpu is { } used ? F(used.TotalMilliseconds / requests) : "-";
    var budget = Median(inference) + 25;
    rows.Add(
        $"| {label}, {bytes.Length / 1024} KiB | {Summary(wall)} | {F(Median(inference))} | {F(budget)} " +
        $"({(Median(wall) <= budget ? "met" : "missed")}) | {F(Median(overhead))} | {F(Median(decode))} | " +
        $"{F(Median(outside))} | {cpuPerRequest} |");
}

var tfjs = RunTfjs(repoRoot, codec.Decode(files[0].Bytes), Capitalised(model), warmup, requests);
Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} logical cores (shared with other jobs), .NET {Environment.Version}; app " +
    $"at {url}; photo {Path.GetFileName(fixture)}; " +
    $"{warmup} warm-up + {requests} timed requests per file, model={model}; medians in ms (mean, p90, min).");
Console.WriteLine();
Console.WriteLine(
    "| JPEG | HTTP round trip (client) | server's own inference | inference + 25 ms | round trip - own inference | " +
    "decode | round trip - detector total | app CPU per request |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine(
    $"TF.js pose-detection {Capitalised(model)} on the 4:2:0 photo already decoded (4000x3000 RGB tensor handed to " +
    $"estimatePoses), {tfjs.Description}: {Summary(tfjs.Samples)}.");
Console.WriteLine();
Console.WriteLine("| JPEG | speed-up over TF.js (TF.js median / HTTP median) |");
Console.WriteLine("|---|---|");
foreach (var row in rows)
{
    var median = double.Parse(row.Split('|')[2].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    Console.WriteLine(
        $"| {row.Split('|')[1].Trim()} | " +
        $"{(Median(tfjs.Samples) / median).ToString("F2", CultureInfo.InvariantCulture)}x |");
}
return 0;

// User + system CPU of the app process (all its threads, ONNX Runtime's included), or null without --server-pid.
TimeSpan? ServerCpu()
{
    if (StringOption("--server-pid") is not { } pid)
        return null;
    using var process = Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
    return process.TotalProcessorTime;
}

async Task SignInAsync(HttpClient http)
{
    var email = $"bench-{Guid.NewGuid():N}@example.com";
    const string password = "Bench-password-1";
    (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password })).EnsureSuccessStatusCode();
    using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
    login.EnsureSuccessStatusCode();
    using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        body.RootElement.GetProperty("accessToken").GetString());
}

// The same decoded pixels handed to TF.js once per request; the first `skip` calls warm it up.
static (string Description, List<double> Samples) RunTfjs(string repoRoot, PoseGen.Core.Imaging.RgbImage image,
    string pipeline, int skip, int count)
{
    var frames = Directory.CreateTempSubdirectory("posegen-photopath-frames-");
    try
    {
        File.WriteAllBytes(Path.Combine(frames.FullName, "photo.rgb"), image.Pixels);
        var manifest = Enumerable.Range(0, skip + count)
            .Select(i => new { name = $"call{i:D3}", file = "photo.rgb", width = image.Width, height = image.Height });
        File.WriteAllText(Path.Combine(frames.FullName, "manifest.json"), JsonSerializer.Serialize(manifest));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            ArgumentList = { "bench/tfjs/movenet-bench.mjs", frames.FullName, "1", "0", pipeline },
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0)
            throw new InvalidOperationException($"movenet-bench.mjs exited with {node.ExitCode}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var description = $"TF.js {root.GetProperty("tfjs").GetString()} {root.GetProperty("backend").GetString()} " +
            $"(SIMD {root.GetProperty("simd").GetBoolean()}, threads {root.GetProperty("multithread").GetBoolean()})";
        var samples = root.GetProperty("predictions").GetProperty(pipeline).EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal).Skip(skip).Select(p => p.Value.GetProperty("ms").GetDouble())
            .ToList();
        return (description, samples);
    }
    finally
    {
        frames.Delete(recursive: true);
    }
}

static double Median(List<double> samples)
{
    var sorted = samples.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static string Summary(List<double> samples)
{
    var sorted = samples.Order().ToArray();
    return $"{F(Median(samples))} (mean {F(samples.Average())}, p90 " +
        $"{F(sorted[Math.Min(sorted.Length - 1, (int)(0.9 * sorted.Length))])}, min {F(sorted[0])}, n {sorted.Length})";
}

static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();


string? StringOption(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

int IntOption(string name, int fallback) => int.TryParse(StringOption(name), out var value) ? value : fallback;
