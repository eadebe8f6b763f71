using System.Diagnostics;
using System.Net.Http.Headers;

namespace PoseGen.Bench.Load;

/// <summary>
/// One answer (or failure) seen by a client: when it ended (seconds into the run), how long it took, what it was.
/// </summary>
/// <param name="Status">HTTP status, or 0 for no answer (timeout, connection failure: <paramref name="Failure"/> says
/// which).</param>
/// <param name="RetryAfter">The Retry-After the answer carried, or null.</param>
public sealed record Sample(double EndedAtS, double LatencyMs, int Status, TimeSpan? RetryAfter, string? Failure);

/// <summary>What one run of closed-loop clients saw, with /health sampled beside it.</summary>
/// <param name="AppCpuS">CPU time the app used during the run (user + system, all threads), when its process id is
/// known.</param>
public sealed record RunResult(
    string Label, int Clients, double DurationS, IReadOnlyList<Sample> Samples, IReadOnlyList<Sample> Health,
    string LoadBefore, string LoadAfter, double? AppCpuS);

/// <summary>
/// Closed loops: each user sends a detect request, waits for the answer and sends the next, for a fixed time. A busy
/// answer (503 or 429) is followed as a well-behaved client would: it waits the Retry-After it was given (to the end of
/// the run at most) before the next request. A separate client reads /health every 250 ms meanwhile.
/// </summary>
public static class LoadRun
{
    public static readonly TimeSpan HealthInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<RunResult> RunAsync(
        string label, IReadOnlyList<BenchUser> users, Func<int, int, byte[]> photoFor, string model, TimeSpan duration,
        HttpClient health, int? serverPid)
    {
        var loadBefore = LoadAverage();
        var cpuBefore = AppCpu(serverPid);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var healthSamples = new List<Sample>();
        var probe = ProbeHealthAsync(health, clock, healthSamples, stop.Token);
        var loops = users.Select((user, i) => LoopAsync(user, i, photoFor, model, clock, stop.Token)).ToArray();
        var samples = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
        await probe;
        return new RunResult(
            label, users.Count, clock.Elapsed.TotalSeconds, samples, healthSamples, loadBefore, LoadAverage(),
            AppCpu(serverPid) - cpuBefore);
    }

    /// <summary>
    /// The app's CPU seconds so far: on a machine shared with other jobs, CPU per answer is steadier than wall time and
    /// says what the app would deliver on cores of its own.
    /// </summary>
    public static double? AppCpu(int? pid)
    {
        if (pid is not { } id)
            return null;
        using var process = Process.GetProcessById(id);
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "-" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "-";

    private static async Task<List<Sample>> LoopAsync(
        BenchUser user, int index, Func<int, int, byte[]> photoFor, string model, Stopwatch clock,
        CancellationToken stop)
    {
        var samples = new List<Sample>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var sample = await SendAsync(user.Http, photoFor(index, n), model, clock);
            samples.Add(sample);
            // No answer at all (a failure of the run, reported as such): a short pause so a dead app is not hammered.
            var pause = sample.Status == 0 ? TimeSpan.FromMilliseconds(100) : sample.RetryAfter;
            if (pause is { } wait && wait > TimeSpan.Zero && sample.Status is 0 or 429 or 503)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        return samples;
    }

    /// <summary>
    /// One detect request. It is never cancelled by the end of the run: a request under way is waited for, so every
    /// request sent has its answer in the results (the run lasts a little longer than asked).
    /// </summary>
    public static async Task<Sample> SendAsync(HttpClient http, byte[] photo, string model, Stopwatch clock)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(photo);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "image", "photo.jpg");
        var started = clock.Elapsed;
        try
        {
            using var response = await http.PostAsync($"/api/v1/poses/detect?model={model}", content);
            await response.Content.ReadAsByteArrayAsync();
            var ended = clock.Elapsed;
            return new Sample(ended.TotalSeconds, (ended - started).TotalMilliseconds, (int)response.StatusCode,
                RetryAfter(response), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            var ended = clock.Elapsed;
            var failure = e is TaskCanceledException ? "timeout" : $"connection: {e.Message}";
            return new Sample(ended.TotalSeconds, (ended - started).TotalMilliseconds, 0, null, failure);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static async Task ProbeHealthAsync(
        HttpClient http, Stopwatch clock, List<Sample> samples, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(HealthInterval);
        do
        {
            var started = clock.Elapsed;
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                var ended = clock.Elapsed;
                samples.Add(new Sample(ended.TotalSeconds, (ended - started).TotalMilliseconds,
                    (int)response.StatusCode, null, null));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                var ended = clock.Elapsed;
                samples.Add(new Sample(ended.TotalSeconds, (ended - started).TotalMilliseconds, 0, null,
                    e.GetType().Name));
            }
        }
        while (await WaitAsync(timer, stop));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
