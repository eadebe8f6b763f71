using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Nobody sees another's data: one user's photo analysis, its media and a workout job, tried by another user
/// on every route that takes an id, through the API (bearer) and the pages (cookie). Every attempt answers as if the id
/// did not exist, and nothing of the owner's changes.
/// </summary>
public sealed class OtherUsersDataTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryRouteWithAnIdAnswersAnotherUsersIdAsNotFound()
    {
        using var owner = await ApiClient.CreateSignedInAsync(_factory);
        var (analysisId, mediaId) = await AnalysePhotoAsync(owner);
        var workoutId = await UploadWorkoutAsync(owner);

        using var intruder = await ApiClient.CreateSignedInAsync(_factory);
        var page = new BrowserLikeClient(_factory);
        await page.RegisterAsync(BrowserLikeClient.NewEmail());

        var attempts = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET history entry", () => intruder.GetAsync($"/api/v1/history/{analysisId}")),
            ("DELETE history entry", () => intruder.DeleteAsync($"/api/v1/history/{analysisId}")),
            ("restore history entry", () => intruder.PostAsync($"/api/v1/history/{analysisId}/restore", null)),
            ("GET analysis", () => intruder.GetAsync($"/api/v1/poses/analyses/{analysisId}")),
            ("GET analysis as COCO", () => intruder.GetAsync($"/api/v1/poses/analyses/{analysisId}?format=coco")),
            ("GET analysis as OpenPose",
                () => intruder.GetAsync($"/api/v1/poses/analyses/{analysisId}?format=openpose")),
            ("GET workout job", () => intruder.GetAsync($"/api/v1/workouts/analyses/{workoutId}")),
            ("GET media (API client)", () => intruder.GetAsync($"/media/{mediaId}")),
            ("GET generation", () => intruder.GetAsync($"/api/v1/generations/{analysisId}")),
            ("GET generation preview", () => intruder.GetAsync($"/api/v1/generations/{analysisId}/preview.png")),
            ("DELETE generation", () => intruder.DeleteAsync($"/api/v1/generations/{analysisId}")),
            ("compare with the owner's analysis", () => intruder.PostAsync("/api/v1/poses/compare",
                new MultipartFormDataContent
            {
                { new StringContent(analysisId.ToString()), "referenceAnalysisId" },
                { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))),
                    "candidate", "me.jpg" },
            })),
            ("OpenPose map of the owner's analysis", () => intruder.PostAsJsonAsync("/api/v1/generations/openpose-map",
                new { analysisId })),
            ("history details page", () => page.Http.GetAsync($"/History/Details/{analysisId}")),
            ("media (page)", () => page.Http.GetAsync($"/media/{mediaId}")),
            ("history delete form", () => PostDeleteFormAsync(page, analysisId)),
        };
        var failures = new List<string>();
        foreach (var (what, send) in attempts)
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.NotFound)
                failures.Add($"{what}: {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(analysisId.ToString(), StringComparison.OrdinalIgnoreCase)
                && response.StatusCode == HttpStatusCode.OK)
                failures.Add($"{what} shows the owner's entry");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The owner still has everything.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/history/{analysisId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/media/{mediaId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/workouts/analyses/{workoutId}")).StatusCode);
        Assert.Empty(JsonDocument.Parse(await intruder.GetStringAsync("/api/v1/history")).RootElement.EnumerateArray());
    }

    /// <summary>
    /// The delete form of the intruder's own history page, pointed at the owner's entry (a forged id, valid token).
    /// </summary>
    private static async Task<HttpResponseMessage> PostDeleteFormAsync(BrowserLikeClient page, Guid id)
    {
        var token = await page.PageTokenAsync("/History");
        return await page.Http.PostAsync($"/History/Delete/{id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private static async Task<(Guid Analysis, Guid Media)> AnalysePhotoAsync(HttpClient owner)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "image", "me.jpg" } };
        var detect = await owner.PostAsync("/api/v1/poses/detect", form);
        Assert.Equal(HttpStatusCode.OK, detect.StatusCode);
        var id = JsonDocument.Parse(await detect.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var entry = JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/history/{id}")).RootElement;
        var media = entry.GetProperty("media").EnumerateArray().First().GetProperty("id").GetGuid();
        return (id, media);
    }

    private static async Task<Guid> UploadWorkoutAsync(HttpClient owner)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4"))),
                "video", "squat.mp4" },
            { new StringContent("squat"), "exercise" },
        };
        var upload = await owner.PostAsync("/api/v1/workouts/analyze", form);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        return JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
