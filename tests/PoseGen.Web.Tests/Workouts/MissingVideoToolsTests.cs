using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PoseGen.Data;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// A server without ffmpeg: an upload gets 503 with what still works, not a 500, and nothing is kept.
/// </summary>
public sealed class MissingVideoToolsTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new(DatabaseProvider.Sqlite)
    {
        Settings = { ["Video:Ffprobe"] = "/nonexistent/ffprobe", ["Video:Ffmpeg"] = "/nonexistent/ffmpeg" },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task UploadWithoutFfmpegIs503WithAPlainMessageAndKeepsNoFile()
    {
        var client = await ApiClient.CreateSignedInAsync(_factory);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(
            RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4")));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Add(file, "video", "squat.mp4");

        var response = await client.PostAsync("/api/v1/workouts/analyze", content);

        response.AssertProblem(HttpStatusCode.ServiceUnavailable);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail")
            .GetString();
        Assert.Equal(
            "Video analysis is not available on this server right now (its video tools are not installed). Photos " +
            "and the live workout page still work.", detail);
        Assert.DoesNotContain("/nonexistent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var videos = Path.Combine(_factory.DataRoot, "videos");
        Assert.True(!Directory.Exists(videos) || Directory.GetFiles(videos).Length == 0, "the upload was kept");
    }

    [Fact]
    public async Task HealthSaysFfmpegIsMissingAndTheRestStillWorks()
    {
        var health = await _factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var root = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", root.GetProperty("status").GetString());
        var ffmpeg = root.GetProperty("checks").GetProperty("ffmpeg");
        Assert.Equal("Degraded", ffmpeg.GetProperty("status").GetString());
        Assert.StartsWith("ffmpeg is not installed", ffmpeg.GetProperty("description").GetString(),
            StringComparison.Ordinal);
    }
}
