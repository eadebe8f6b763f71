using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Scheduling;
using PoseGen.TestSupport;

namespace PoseGen.Web.Tests.Faults;

/// <summary>
/// Steps the fault tests share: a clip upload, a held inference worker, waits for a state (never for a time).
/// </summary>
internal static class WorkoutFaults
{
    // The first 3 s (15 frames) of the squat clip, cut once per test run: the fault tests need a clip analysed end to
    // end three times, not its reps, and the whole 13 s clip would take most of their time on 2 cores.
    private static readonly Lazy<Task<byte[]>> ShortClip = new(CutShortClipAsync);

    public static async Task<string> UploadShortClipAsync(HttpClient client)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await ShortClip.Value);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Add(file, "video", "squat.mp4");
        content.Add(new StringContent("squat"), "exercise");
        var response = await client.PostAsync("/api/v1/workouts/analyze", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return accepted.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<byte[]> CutShortClipAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"posegen-short-squat-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-i", RepoPaths.Fixture("videos",
            "squat_studio_pexels4838220.mp4"), "-t", "3", "-c", "copy", output })
            start.ArgumentList.Add(argument);
        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg could not cut the clip: {errors}");
        var bytes = await File.ReadAllBytesAsync(output);
        File.Delete(output);
        return bytes;
    }

    /// <summary>Occupies the app's only inference worker until the returned hold is disposed.</summary>
    public static async Task<IAsyncDisposable> HoldTheInferenceWorkerAsync(IServiceProvider services)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = new ManualResetEventSlim();
        var hold = services.GetRequiredService<InferenceScheduler>().RunAsync(InferencePriority.Interactive, _ =>
        {
            started.TrySetResult();
            return open.Wait(TimeSpan.FromMinutes(2));
        }, CancellationToken.None);
        await started.Task;
        return new Release(open, hold);
    }

    public static async Task UntilAsync(Func<bool> state)
    {
        for (var i = 0; i < 3000 && !state(); i++)
            await Task.Delay(10);
        Assert.True(state(), "The expected state never came.");
    }

    /// <summary>
    /// Waits until the test host's log file has a line with both texts (the file sink writes each event as it comes).
    /// </summary>
    public static async Task UntilLoggedAsync(string dataRoot, string id, string text)
    {
        var folder = Path.Combine(dataRoot, "logs");
        bool Logged() => Directory.Exists(folder) && Directory.GetFiles(folder, "posegen-*.log").Any(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd().Split('\n')
                .Any(line => line.Contains(id, StringComparison.OrdinalIgnoreCase)
                    && line.Contains(text, StringComparison.Ordinal));
        });
        for (var i = 0; i < 600 && !Logged(); i++)
            await Task.Delay(100);
        Assert.True(Logged(), $"The log never said '{text}' for {id}.");
    }

    public static async Task<JsonElement> PollUntilFinishedAsync(HttpClient client, string id)
    {
        // The bound only stops a broken worker from hanging the run.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/workouts/analyses/{id}"));
            if (status.RootElement.GetProperty("status").GetString() is "done" or "failed")
                return status.RootElement.Clone();
            await Task.Delay(200);
        }
        throw new TimeoutException("The analysis did not finish within two minutes.");
    }

    private sealed class Release(ManualResetEventSlim open, Task<bool> hold) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            open.Set();
            await hold;
            open.Dispose();
        }
    }
}
