using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// The video length limit: a clip whose header has no duration used to read as 0 s and be analysed to the
/// end. Containers the product does not accept are refused on upload; an accepted one without a duration is stopped
/// when its decoded frames pass the limit. The clips are made here with ffmpeg (20 s test pattern, limit 5 s).
/// </summary>
public sealed class VideoLimitTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("posegen-video-limits").FullName;

    public VideoLimitTests() => _factory.Settings["Video:MaxDurationSeconds"] = "5";

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ARawStreamSavedAsMp4IsRefusedAsNotAnAcceptedVideo()
    {
        var clip = await MakeClipAsync("raw.mp4", "-c:v", "mpeg4", "-f", "m4v");
        using var client = await ApiClient.CreateSignedInAsync(_factory);

        var response = await client.PostAsync("/api/v1/workouts/analyze", Upload(clip));

        response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AClipWithoutADurationIsStoppedAtTheLimit()
    {
        // WebM written to a pipe has no duration in its header, as browser recordings often do.
        var clip = await MakeClipAsync("stream.webm", "-c:v", "libvpx", "-b:v", "200k", "-f", "webm");
        using var client = await ApiClient.CreateSignedInAsync(_factory);

        var response = await client.PostAsync("/api/v1/workouts/analyze", Upload(clip));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id")
            .GetString();

        JsonElement status = default;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            status = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/workouts/analyses/{id}")).RootElement;
            if (status.GetProperty("status").GetString() is "done" or "failed")
                break;
            await Task.Delay(100);
        }
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("longer than the limit of 5 s", status.GetProperty("error").GetString(),
            StringComparison.Ordinal);
    }

    private async Task<string> MakeClipAsync(string name, params string[] output)
    {
        var path = Path.Combine(_folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-v", "error", "-nostdin", "-f", "lavfi", "-i",
            "testsrc=duration=20:size=160x120:rate=10", .. output, "pipe:1"])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await using (var file = File.Create(path))
            await process.StandardOutput.BaseStream.CopyToAsync(file);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    private static MultipartFormDataContent Upload(string path)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Add(file, "video", Path.GetFileName(path));
        content.Add(new StringContent("squat"), "exercise");
        return content;
    }
}
