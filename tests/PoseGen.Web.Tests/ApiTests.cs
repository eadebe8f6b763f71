using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Web.Services;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>The /api/v1 surface with bearer tokens, and how it answers bad requests.</summary>
public sealed class ApiTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new(DatabaseProvider.Sqlite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task BearerClientReadsAndWritesItsProfile()
    {
        var client = await ApiClient.CreateSignedInAsync(_factory);
        var put = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            goals = new[] { "fitness" }, level = "advanced", limitations = new[] { "lowerBack", "wrists" },
            preferences = new[] { " Morning ", "morning", "gym" }, heightCm = 181,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/profile"));
        var root = body.RootElement;
        Assert.Equal("advanced", root.GetProperty("level").GetString());
        Assert.Equal(["lowerBack", "wrists"], root.GetProperty("limitations").EnumerateArray()
            .Select(e => e.GetString()));
        Assert.Equal(["morning", "gym"], root.GetProperty("preferences").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(181, root.GetProperty("heightCm").GetInt32());
    }

    [Fact]
    public async Task UnauthenticatedApiCallGets401ProblemNotARedirect()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/profile");
        response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownApiRouteGets404Problem()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/does-not-exist");
        response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownPageGetsFriendly404Page()
    {
        var response = await _factory.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Back to the start page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonGets400Problem()
    {
        var client = await ApiClient.CreateSignedInAsync(_factory);
        var response = await client.PutAsync("/api/v1/profile", new StringContent("{\"level\": ", Encoding.UTF8,
            "application/json"));
        response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OutOfRangeFieldGets400ValidationProblem()
    {
        var client = await ApiClient.CreateSignedInAsync(_factory);
        var response = await client.PutAsJsonAsync("/api/v1/profile",
            new { goals = Array.Empty<string>(), level = "beginner", limitations = Array.Empty<string>(),
                preferences = Array.Empty<string>(), heightCm = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HeightCm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBodyGets413Problem()
    {
        var client = await ApiClient.CreateSignedInAsync(_factory);
        using var content = new ByteArrayContent(new byte[65 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");
        var response = await client.PutAsync("/api/v1/profile", content);
        response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryTokenGets400()
    {
        var client = new BrowserLikeClient(_factory);
        await client.RegisterAsync(BrowserLikeClient.NewEmail());
        var response = await client.Http.PostAsync("/Profile", new FormUrlEncodedContent([new("Level", "Advanced")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CookieApiCallWithoutAntiforgeryHeaderGets400()
    {
        var client = new BrowserLikeClient(_factory);
        await client.RegisterAsync(BrowserLikeClient.NewEmail());
        var response = await client.Http.PutAsJsonAsync("/api/v1/profile", new { level = "advanced" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnotherUsersHistoryEntryAndMediaAreNotFound()
    {
        var owner = await ApiClient.CreateSignedInAsync(_factory);
        var ownerId = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/auth/manage/info"))
            .RootElement.GetProperty("email").GetString()!;
        Guid entryId;
        Guid mediaId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            var userId = db.Users.Single(u => u.Email == ownerId).Id;
            var file = await scope.ServiceProvider.GetRequiredService<PoseGen.Data.Storage.MediaStore>()
                .SaveAsync(userId, new byte[] { 137, 80, 78, 71 }, "image/png", CancellationToken.None);
            var entry = await scope.ServiceProvider.GetRequiredService<HistoryService>()
                .AddAsync(userId, ActivityKind.Analysis, "Mine", null, new { secret = 42 }, [file], file.Id,
                    CancellationToken.None);
            entryId = entry.Id;
            mediaId = file.Id;
        }
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/history/{entryId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/media/{mediaId}")).StatusCode);

        var intruder = await ApiClient.CreateSignedInAsync(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/history/{entryId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/media/{mediaId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/v1/history/{entryId}")).StatusCode);
        Assert.Empty(JsonDocument.Parse(await intruder.GetStringAsync("/api/v1/history")).RootElement.EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/v1/history/{entryId}")).StatusCode);
        // Hidden at once, picture included, while the delete can still be undone.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/media/{mediaId}")).StatusCode);
    }

    [Fact]
    public async Task HealthReportsDatabaseLibvipsOnnxRuntimeAndModels()
    {
        using var anonymous = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/health"));
        Assert.Equal("Healthy", anonymous.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, anonymous.RootElement.GetProperty("checks").GetProperty("models")
            .GetProperty("data").ValueKind);
        using var signedIn = await ApiClient.CreateSignedInAsync(_factory);
        var text = await signedIn.GetStringAsync("/health");
        Assert.DoesNotContain(PoseGen.TestSupport.RepoPaths.Root, text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "libvips", "onnxruntime", "models", "ffmpeg" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        // One instance without Redis:Configuration has no backplane to check.
        Assert.False(checks.TryGetProperty("redis", out _));
        Assert.StartsWith("8.18", checks.GetProperty("libvips").GetProperty("data").GetProperty("version").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("Cpu", checks.GetProperty("onnxruntime").GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal("installed", checks.GetProperty("models").GetProperty("data").GetProperty("movenet-thunder")
            .GetString());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        using var body = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = body.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/profile", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out _));
    }
}
