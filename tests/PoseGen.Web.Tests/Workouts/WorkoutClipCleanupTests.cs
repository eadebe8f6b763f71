using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.TestSupport;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// Clips left behind: an uploaded clip lives only as long as its job. Here no job server runs, so every job stays
/// queued and its clip stays on disk until something removes it: a refused upload, deleting the History entry, deleting
/// the account.
/// </summary>
public sealed class WorkoutClipCleanupTests : IDisposable
{
    private static readonly string Clip = RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4");

    private readonly ShiftedTime _clock = new();
    private readonly PoseGenWebFactory _factory;

    public WorkoutClipCleanupTests()
    {
        _factory = new() { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };
        _factory.Settings["Jobs:RunServer"] = "false";
        _factory.Settings["Jobs:MaxQueuedVideos"] = "1";
    }

    public void Dispose() => _factory.Dispose();

    private string[] ClipsOnDisk()
    {
        var folder = _factory.Services.GetRequiredService<WorkoutVideoStore>().Folder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    [Fact]
    public async Task AnUploadRefusedBecauseTheQueueIsFullKeepsNeitherTheClipNorAHistoryEntry()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(client)).StatusCode);

        var refused = await UploadAsync(client);

        refused.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Single(ClipsOnDisk());
        using var history = JsonDocument.Parse(await client.GetStringAsync("/api/v1/history?kind=workout"));
        Assert.Equal(1, history.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task AnUploadOverTheUsersShareIs429AndKeepsNeitherTheClipNorAHistoryEntry()
    {
        using var factory = new PoseGenWebFactory();
        factory.Settings["Jobs:RunServer"] = "false";
        factory.Settings["Jobs:MaxPendingVideosPerUser"] = "1";
        using var client = await ApiClient.CreateSignedInAsync(factory);
        using var other = await ApiClient.CreateSignedInAsync(factory);
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(client)).StatusCode);

        var refused = await UploadAsync(client);

        refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        using (var history = JsonDocument.Parse(await client.GetStringAsync("/api/v1/history?kind=workout")))
            Assert.Equal(1, history.RootElement.GetArrayLength());
        Assert.Single(Directory.GetFiles(factory.Services.GetRequiredService<WorkoutVideoStore>().Folder));
        // The share is each user's own: another user's clip is still taken.
        Assert.Equal(HttpStatusCode.Accepted, (await UploadAsync(other)).StatusCode);
    }

    [Fact]
    public async Task DeletingTheHistoryEntryDeletesItsClip()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        var id = await AcceptedIdAsync(await UploadAsync(client));
        Assert.Single(ClipsOnDisk());

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/history/{id}")).StatusCode);
        // Deleting can be undone for a few seconds, so the clip goes with the purge that follows.
        Assert.Single(ClipsOnDisk());
        _clock.Offset = HistoryDeletionService.UndoWindow + TimeSpan.FromSeconds(1);
        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HistoryDeletionService>()
                .PurgeExpiredAsync(CancellationToken.None);

        Assert.Empty(ClipsOnDisk());
    }

    [Fact]
    public async Task DeletingTheAccountDeletesItsClips()
    {
        var page = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await page.RegisterAsync(email);
        using var api = await ApiClient.SignInAsync(_factory, email, BrowserLikeClient.Password);
        await AcceptedIdAsync(await UploadAsync(api));
        Assert.Single(ClipsOnDisk());

        var deleted = await page.SubmitAsync("/Account/Manage", "/Account/Delete",
            [new("Delete.Password", BrowserLikeClient.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(ClipsOnDisk());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Clip));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Add(file, "video", "squat.mp4");
        content.Add(new StringContent("squat"), "exercise");
        return await client.PostAsync("/api/v1/workouts/analyze", content);
    }

    private static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }
}
