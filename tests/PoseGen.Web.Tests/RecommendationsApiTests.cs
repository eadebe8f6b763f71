using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.Core.Library;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>One app for the recommendation and pose-library API tests; each test signs up its own user.</summary>
public sealed class RecommendationsAppFixture : IDisposable
{
    public PoseGenWebFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

public sealed class RecommendationsApiTests(RecommendationsAppFixture app) : IClassFixture<RecommendationsAppFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> PoseIds(JsonElement body) =>
        body.GetProperty("poses").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();

    [Theory]
    [InlineData("qwzx blorpt vrrn", true)]
    [InlineData("relaxed on the beach", false)]
    [InlineData("no floor please", false)]
    public async Task APromptWithNothingUnderstoodSaysSoInsteadOfAnsweringSilently(string prompt, bool expectNote)
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);

        var body = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations", new { prompt }));

        Assert.NotEmpty(body.GetProperty("poses").EnumerateArray());
        var note = body.GetProperty("promptNote");
        if (expectNote)
            Assert.StartsWith("We did not recognise a place, outfit, mood, goal or time", note.GetString(),
                StringComparison.Ordinal);
        else
            Assert.Equal(JsonValueKind.Null, note.ValueKind);
    }

    [Fact]
    public async Task ProfileKneeLimitationIsNeverViolatedAndTheRunIsSavedToHistory()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        (await client.PutAsJsonAsync("/api/v1/profile",
            new { goals = new[] { "yoga", "fitness" }, level = "beginner", limitations = new[] { "knees" },
                preferences = Array.Empty<string>() }))
            .EnsureSuccessStatusCode();

        var body = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations",
            new { prompt = "a strong workout at home in sportswear", count = 12 }));

        var ids = PoseIds(body);
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.DoesNotContain("knees", PoseLibrary.Default.Find(id)!.Contraindications));
        // The library does have knee-contraindicated poses, so the filter had something to remove.
        Assert.Contains(PoseLibrary.Default.All, p => p.Contraindications.Contains("knees"));
        Assert.True(body.GetProperty("filtered").GetInt32() > 0);
        Assert.Contains(body.GetProperty("context").GetProperty("environment").EnumerateArray(),
            e => e.GetProperty("label").GetString() == "home" && e.GetProperty("source").GetString() == "prompt");
        var first = body.GetProperty("poses")[0];
        Assert.NotEmpty(first.GetProperty("reasons").EnumerateArray());
        Assert.Equal(17, first.GetProperty("keypoints").GetArrayLength());

        var saved = await JsonAsync(await client.GetAsync($"/api/v1/history/{body.GetProperty("id").GetGuid()}"));
        Assert.Equal("recommendation", saved.GetProperty("kind").GetString());
        Assert.Equal(ids, PoseIds(saved.GetProperty("document")));
    }

    [Fact]
    public async Task NotForMeFeedbackLowersThePoseOnTheNextCall()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        var request = new { prompt = "yoga in the park", environment = new[] { "park" }, count = 8 };
        var before = PoseIds(await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations", request)));
        var top = before[0];

        var stored = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations/feedback",
            new { poseId = top, kind = "not_for_me" }));
        Assert.Equal("not_for_me", stored.GetProperty("kind").GetString());

        var after = PoseIds(await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations", request)));
        Assert.NotEqual(top, after[0]);
        var index = after.IndexOf(top);
        Assert.True(index < 0 || index > 0, $"{top} is still first");
    }

    [Fact]
    public async Task FeedbackOnAnUnknownPoseIs404AndAnUnknownKindIs400()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        var unknown = await client.PostAsJsonAsync("/api/v1/recommendations/feedback",
            new { poseId = "no-such-pose", kind = "like" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var badKind = await client.PostAsJsonAsync("/api/v1/recommendations/feedback",
            new { poseId = PoseLibrary.Default.All[0].Id, kind = "love" });
        badKind.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownChipIs400Problem()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        var response = await client.PostAsJsonAsync("/api/v1/recommendations", new { environment = new[] { "moon" } });
        response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PhotoRequestUsesTheDetectedPersonAndChips()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(
            RepoPaths.Fixture("people", "mpii_004645041.jpg")));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", "me.jpg");
        content.Add(new StringContent("something elegant"), "prompt");
        content.Add(new StringContent("studio"), "environment");
        content.Add(new StringContent("5"), "count");

        var body = await JsonAsync(await client.PostAsync("/api/v1/recommendations", content));

        Assert.True(body.GetProperty("personFound").GetBoolean());
        Assert.NotNull(PoseLibrary.Default.Find(body.GetProperty("nearestToPhoto").GetString()!));
        var environment = body.GetProperty("context").GetProperty("environment").EnumerateArray().Single();
        Assert.Equal("studio", environment.GetProperty("label").GetString());
        Assert.Equal("user", environment.GetProperty("source").GetString());
        Assert.InRange(body.GetProperty("poses").GetArrayLength(), 1, 5);

        var saved = await JsonAsync(await client.GetAsync($"/api/v1/history/{body.GetProperty("id").GetGuid()}"));
        Assert.Equal("recommendation", saved.GetProperty("kind").GetString());
        Assert.Equal(1, saved.GetProperty("media").GetArrayLength());
    }

    [Fact]
    public async Task BadPhotoGetsTheDetectionApisProblem()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("just some text, not a picture"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "image", "me.jpg");
        var response = await client.PostAsync("/api/v1/recommendations", content);
        response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WithoutSignInTheApiAnswers401()
    {
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/recommendations",
            new { prompt = "beach" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/poses/library")).StatusCode);
    }
}
