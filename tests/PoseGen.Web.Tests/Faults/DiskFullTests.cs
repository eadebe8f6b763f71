using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Faults;

/// <summary>
/// A full disk under the media folder. The test app's data/media is a symbolic link to a real 1 MiB tmpfs
/// (<see cref="SmallDisk"/>: a private mount namespace, no privileges), filled with a filler file, so the app's own
/// writes fail in the kernel with ENOSPC as on any full disk; the app runs unchanged, with no test double for files.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private static readonly string Photo = RepoPaths.Fixture("people", "ochuman_000817.jpg");

    private SmallDisk _disk = null!;
    private PoseGenWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _disk = await SmallDisk.MountAsync(kibibytes: 1024);
        _factory = new PoseGenWebFactory();
        File.CreateSymbolicLink(Path.Combine(_factory.DataRoot, "media"), _disk.Path);
        _client = await ApiClient.CreateSignedInAsync(_factory);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        _disk.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(false)] // no room at all: the picture's own write fails part way
    [InlineData(true)] // room for the picture only: the thumbnail's write fails after the picture was kept
    public async Task APhotoOnAFullDiskIsA507ProblemThatKeepsNothingAndTheNextUploadAfterSpaceReturnsWorks(
        bool roomForThePicture)
    {
        var photo = await File.ReadAllBytesAsync(Photo);
        _disk.FillUp(leaveFree: roomForThePicture ? photo.Length : 0);

        var refused = await DetectAsync(photo);

        refused.AssertProblem(HttpStatusCode.InsufficientStorage);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("The server is out of storage.", problem.RootElement.GetProperty("title").GetString());
            var text = problem.RootElement.GetRawText();
            Assert.DoesNotContain("No space left", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/proc/", text, StringComparison.Ordinal);
            Assert.DoesNotContain(_factory.DataRoot, text, StringComparison.Ordinal);
        }

        // Nothing half-written: no partial or temporary file, no picture without an entry, no entry without its
        // picture.
        Assert.Empty(_disk.Files());
        Assert.Equal(0, await HistoryCountAsync());

        _disk.Free();
        var accepted = await DetectAsync(photo);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await HistoryCountAsync());
        var files = _disk.Files();
        Assert.Equal(2, files.Count); // the picture as uploaded and its thumbnail
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains(files, f => new FileInfo(Path.Combine(_disk.Path, f)).Length == photo.Length);
    }

    private async Task<HttpResponseMessage> DetectAsync(byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", "photo.jpg");
        return await _client.PostAsync("/api/v1/poses/detect", content);
    }

    private async Task<int> HistoryCountAsync()
    {
        using var history = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/history"));
        return history.RootElement.GetArrayLength();
    }
}
