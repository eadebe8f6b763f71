// In-browser MoveNet speed on the Workout page. Starts the built app (src/PoseGen.Web, Release) on a free loopback port
// with a temporary data folder, registers a user in headless Chromium (/usr/bin/chromium) whose fake camera plays the
// squat fixture clip (converted by ffmpeg to 360x640 y4m at 30 fps, so the camera never caps the rate below 30), starts
// a session per model and reads the page's own counters: inferences done and the last inference time.
//
//   dotnet build src/PoseGen.Web -c Release && dotnet run -c Release --project bench/PoseGen.Bench.Workouts.Browser --
//   [seconds]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using PoseGen.TestSupport;

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var root = RepoPaths.Root;
var temp = Directory.CreateTempSubdirectory("posegen-bench-").FullName;
var clip = Path.Combine(temp, "squat.y4m");
await RunAsync("ffmpeg", "-v", "error", "-y", "-i", RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4"),
    "-vf", "scale=360:-2,fps=30", "-pix_fmt", "yuv420p", clip);

var port = FreePort();
var url = $"http://127.0.0.1:{port}";
using var app = Process.Start(new ProcessStartInfo("dotnet")
{
    ArgumentList = { "run", "--project", Path.Combine(root, "src", "PoseGen.Web"), "-c", "Release", "--no-build", "--",
        "--urls", url,
        "--Storage:DataRoot", Path.Combine(temp, "data") },
    RedirectStandardOutput = true,
}) ?? throw new InvalidOperationException("The app did not start.");
app.OutputDataReceived += (_, _) => { };
app.BeginOutputReadLine();
try
{
    await WaitForHealthAsync(url);
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            $"--use-file-for-fake-video-capture={clip}"],
    });
    var page = await browser.NewPageAsync(new() { BaseURL = url });
    page.SetDefaultTimeout(120_000);
    await page.GotoAsync("/Account/Register");
    await page.FillAsync("input[name='Email']", $"bench-{Guid.NewGuid():N}@example.test");
    await page.FillAsync("input[name='Password']", "Pose-Gen-2026!");
    await page.FillAsync("input[name='ConfirmPassword']", "Pose-Gen-2026!");
    await page.ClickAsync("form[action='/Account/Register'] [type='submit']");
    await page.WaitForSelectorAsync("#profile-form");
    Console.WriteLine(
        $"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores; " +
        $"{seconds} s per model");
    Console.WriteLine("| model | backend | fps (page, mean over the window) | last inference ms |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var model in new[] { "lightning", "thunder" })
    {
        await page.GotoAsync("/Workout");
        await page.SelectOptionAsync("#workout-model", model);
        await page.ClickAsync("#workout-start");
        // Warm-up: model load, WASM compile, the first inferences.
        await page.WaitForFunctionAsync("() => Number(document.getElementById('fps').dataset.inferences ?? 0) >= 20");
        var (n0, t0) = await ReadAsync(page);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var (n1, t1) = await ReadAsync(page);
        var backend = await page.Locator("#backend").TextContentAsync();
        var ms = await page.Locator("#fps").GetAttributeAsync("data-inference-ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {model} | {backend} | {(n1 - n0) / ((t1 - t0) / 1000):F1} | {ms} |"));
        await page.ClickAsync("#workout-stop");
        await page.WaitForSelectorAsync("#workout-saved:not([hidden]), #workout-status.alert-info");
    }
    Console.WriteLine($"Load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
    Directory.Delete(temp, recursive: true);
}

static async Task<(double Inferences, double Time)> ReadAsync(IPage page)
{
    var values =
        await page.EvaluateAsync<double[]>(
            "() => [Number(document.getElementById('fps').dataset.inferences), performance.now()]");
    return (values[0], values[1]);
}

static async Task WaitForHealthAsync(string url)
{
    using var http = new HttpClient();
    for (var i = 0; i < 240; i++)
    {
        try
        {
            if ((await http.GetAsync($"{url}/health")).StatusCode is HttpStatusCode.OK) return;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("The app did not become healthy in 2 minutes.");
}

static async Task RunAsync(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file);
    foreach (var a in arguments) info.ArgumentList.Add(a);
    using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
    await process.WaitForExitAsync();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed with exit code {process.ExitCode}.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

