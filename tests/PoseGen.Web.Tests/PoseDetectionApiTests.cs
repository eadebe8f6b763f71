using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PoseGen.Imaging.Tests.TestData;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>One app with the real converted MoveNet models for every detection test in the class.</summary>
public sealed class DetectionAppFixture : IAsyncLifetime
{
    public PoseGenWebFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Small limits so the "too large" answers can be tested with ordinary files.
        Factory.Settings["Uploads:MaxImageBytes"] = "300000";
        Factory.Settings["Video:MaxBytes"] = "1000000";
        Client = await ApiClient.CreateSignedInAsync(Factory);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PoseDetectionApiTests(DetectionAppFixture app) : IClassFixture<DetectionAppFixture>
{
    private static readonly string People = RepoPaths.Fixture("people");

    private async Task<HttpResponseMessage> DetectAsync(byte[] bytes, string fileName, string contentType,
        string query = "")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "image", fileName);
        return await app.Client.PostAsync($"/api/v1/poses/detect{query}", content);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task FindsThePeopleWithSeventeenKeypointsInImagePixelsAndSavesTheCall()
    {
        var response = await DetectAsync(await File.ReadAllBytesAsync(Path.Combine(People, "ochuman_000817.jpg")),
            "two.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var (width, height) = (body.GetProperty("imageWidth").GetInt32(), body.GetProperty("imageHeight").GetInt32());
        Assert.Equal("auto", body.GetProperty("model").GetString());
        var people = body.GetProperty("people").EnumerateArray().ToList();
        // Both annotated people (the count's exactness is the detector's own test, on the ground truth).
        Assert.InRange(people.Count, 2, 6);
        foreach (var person in people)
        {
            var keypoints = person.GetProperty("keypoints").EnumerateArray().ToList();
            Assert.Equal(17, keypoints.Count);
            Assert.Equal("nose", keypoints[0].GetProperty("name").GetString());
            Assert.Equal("right_ankle", keypoints[16].GetProperty("name").GetString());
            Assert.All(keypoints, k => Assert.InRange(k.GetProperty("x").GetSingle(), 0, width));
            Assert.All(keypoints, k => Assert.InRange(k.GetProperty("y").GetSingle(), 0, height));
        }
        Assert.True(body.GetProperty("timingsMs").GetProperty("total").GetDouble() > 0);

        var id = body.GetProperty("id").GetGuid();
        var saved = await JsonAsync(await app.Client.GetAsync($"/api/v1/history/{id}"));
        Assert.Equal("analysis", saved.GetProperty("kind").GetString());
        Assert.Equal(people.Count, saved.GetProperty("document").GetProperty("people").GetArrayLength());
        Assert.Equal(2, saved.GetProperty("media").GetArrayLength());
    }

    [Fact]
    public async Task ExportsCocoResultsAndOpenPoseJson()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(People, "mpii_004645041.jpg"));
        var coco = await JsonAsync(await DetectAsync(bytes, "p.jpg", "image/jpeg",
            "?model=thunder&format=coco&imageId=4645041"));
        Assert.Equal(JsonValueKind.Array, coco.ValueKind);
        var first = coco.EnumerateArray().First();
        Assert.Equal(4645041, first.GetProperty("image_id").GetInt64());
        Assert.Equal(1, first.GetProperty("category_id").GetInt32());
        Assert.Equal(51, first.GetProperty("keypoints").GetArrayLength());

        var open = await JsonAsync(await DetectAsync(bytes, "p.jpg", "image/jpeg", "?model=thunder&format=openpose"));
        Assert.True(open.GetProperty("canvas_width").GetInt32() > 0);
        var joints = open.GetProperty("people")[0].GetProperty("pose_keypoints_2d").EnumerateArray()
            .Select(e => e.GetSingle()).ToArray();
        Assert.Equal(54, joints.Length);
        // Neck (joint 1) is the mean of the shoulders (2 = right, 5 = left) when both are detected.
        if (joints[2 * 3 + 2] > 0 && joints[5 * 3 + 2] > 0)
            Assert.Equal((joints[2 * 3] + joints[5 * 3]) / 2, joints[3], 3);
    }

    [Fact]
    public async Task HistoryKeepsTheUploadedBytesWithTheirOrientationAndAnUprightThumbnail()
    {
        // Turned 90 degrees by EXIF (orientation 6): 1280x720 as stored, 720x1280 upright.
        var upload = JpegFile.WithExifOrientation(await File.ReadAllBytesAsync(
            Path.Combine(People, "mpii_004645041.jpg")), 6);
        var response = await DetectAsync(upload, "turned.jpg", "image/jpeg", "?model=thunder");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal((720, 1280), (body.GetProperty("imageWidth").GetInt32(),
            body.GetProperty("imageHeight").GetInt32()));

        var saved = await JsonAsync(await app.Client.GetAsync($"/api/v1/history/{body.GetProperty("id").GetGuid()}"));
        var files = new List<(string Type, byte[] Bytes)>();
        foreach (var media in saved.GetProperty("media").EnumerateArray())
            files.Add((media.GetProperty("contentType").GetString()!,
                await app.Client.GetByteArrayAsync(media.GetProperty("url").GetString())));
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f.Type == "image/jpeg" && f.Bytes.AsSpan().SequenceEqual(upload));
        // The thumbnail is drawn upright (its pixels are turned, it carries no orientation of its own).
        Assert.Contains(files, f => f.Type == "image/jpeg" && JpegFile.FrameSize(f.Bytes) == (180, 320));
    }

    [Fact]
    public async Task PhotoWithoutAPersonIsAnEmptyList()
    {
        var response = await DetectAsync(await SolidPngAsync(640, 480), "wall.png", "image/png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await JsonAsync(response)).GetProperty("people").GetArrayLength());
    }

    [Fact]
    public async Task OnePixelImageIsAnsweredNotCrashedOn()
    {
        var response = await DetectAsync(await SolidPngAsync(1, 1), "dot.png", "image/png", "?model=lightning");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnimatedGifUsesItsFirstFrame()
    {
        var gif = Path.Combine(app.Factory.DataRoot, "clip.gif");
        await RunFfmpegAsync(
            $"-y -loglevel error -t 0.4 -i \"{RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4")}\" -vf " +
            $"scale=240:-1,fps=5 \"{gif}\"");
        var response = await DetectAsync(await File.ReadAllBytesAsync(gif), "clip.gif", "image/gif",
            "?model=lightning");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1, body.GetProperty("people").GetArrayLength());
        // The history keeps the analysed frame, not the animation.
        var saved = await JsonAsync(await app.Client.GetAsync($"/api/v1/history/{body.GetProperty("id").GetGuid()}"));
        Assert.All(saved.GetProperty("media").EnumerateArray(), m =>
            Assert.Equal("image/jpeg", m.GetProperty("contentType").GetString()));
    }

    [Theory]
    [InlineData("empty", 400)]
    [InlineData("text", 415)]
    [InlineData("svg", 415)]
    [InlineData("truncated", 422)]
    [InlineData("oversized", 413)]
    public async Task BadUploadsGetProblemDetails(string kind, int status)
    {
        var photo = await File.ReadAllBytesAsync(Path.Combine(People, "mpii_004645041.jpg"));
        var (bytes, type) = kind switch
        {
            "empty" => (Array.Empty<byte>(), "image/jpeg"),
            "text" => ("just some text, not a picture"u8.ToArray(), "image/jpeg"),
            "svg" => ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"u8.ToArray(),
                "image/svg+xml"),
            "truncated" => (photo[..(photo.Length / 3)], "image/jpeg"),
            _ => (new byte[400_000], "image/jpeg"),
        };
        var response = await DetectAsync(bytes, "upload", type);
        response.AssertProblem((HttpStatusCode)status);
        var problem = await JsonAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        // The detail is PoseGen's own sentence; libvips' text (it names classes such as "VipsJpeg") stays on the
        // exception.
        var detail = problem.TryGetProperty("detail", out var text) ? text.GetString() : null;
        Assert.DoesNotContain("Vips", detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingImageFieldIs400()
    {
        using var content = new MultipartFormDataContent { { new StringContent("x"), "photo" } };
        var response = await app.Client.PostAsync("/api/v1/poses/detect", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownModelIs400()
    {
        var photo = await File.ReadAllBytesAsync(Path.Combine(People, "mpii_004645041.jpg"));
        var response = await DetectAsync(photo, "p.jpg", "image/jpeg", "?model=giant");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<byte[]> SolidPngAsync(int width, int height)
    {
        var path = Path.Combine(app.Factory.DataRoot, $"solid-{width}x{height}.png");
        // Even-sized source (yuv420p needs it), then scaled to the exact size in RGB.
        await RunFfmpegAsync(
            $"-y -loglevel error -f lavfi -i " +
            $"\"color=c=0x8899aa:s={width + width % 2}x{height + height % 2},format=rgb24,scale={width}:{height}\" " +
            $"-frames:v 1 \"{path}\"");
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task RunFfmpegAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {errors}");
    }
}
