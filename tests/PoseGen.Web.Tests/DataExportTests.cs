using System.IO.Compression;
using System.Net;
using System.Text.Json;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>"Download all my data": one zip with the profile, every history entry and every picture, the
/// user's own only; what it holds reads back as the same entries (export -> parse -> same figures).</summary>
public sealed class DataExportTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheZipHoldsTheProfileEveryEntryAndEveryPictureOfTheUserOnly()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var stranger = await ApiClient.CreateSignedInAsync(_factory);
        (await client.PutAsync("/api/v1/profile", new StringContent(
            """{"goals":["yoga"],"level":"beginner","limitations":[],"preferences":["calm"],"displayName":"Ana"}""",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        using var photo = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "image", "me.jpg" } };
        var analysis = JsonDocument.Parse(await (await client.PostAsync("/api/v1/poses/detect",
            photo)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var strangerPhoto = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_005808361.jpg"))), "image", "them.jpg" } };
        (await stranger.PostAsync("/api/v1/poses/detect", strangerPhoto)).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/v1/history/export.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var profile = JsonDocument.Parse(zip.GetEntry("profile.json")!.Open());
        Assert.Equal("Ana", profile.RootElement.GetProperty("displayName").GetString());
        using var history = JsonDocument.Parse(zip.GetEntry("history.json")!.Open());
        var entries = history.RootElement.EnumerateArray().ToList();
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/history")).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(listed.Order(), entries.Select(e => e.GetProperty("id").GetString()).Order());
        var entry = Assert.Single(entries, e => e.GetProperty("id").GetString() == analysis);
        Assert.Equal("analysis", entry.GetProperty("kind").GetString());
        Assert.Equal(1, entry.GetProperty("document").GetProperty("people").GetArrayLength());
        var pictures = entry.GetProperty("media").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(2, pictures.Count);
        foreach (var picture in pictures)
        {
            var file = zip.GetEntry(picture);
            Assert.NotNull(file);
            var id = Path.GetFileNameWithoutExtension(picture);
            var served = await client.GetByteArrayAsync($"/media/{Guid.ParseExact(id, "N")}");
            using var stream = file.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(served, copy.ToArray());
        }
        Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("media/", StringComparison.Ordinal)));
    }
}
