using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// Chip edits of one recommendation session update that session's History entry instead of adding new ones.
/// </summary>
public sealed class RecommendationSessionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ChipEditsOfASessionUpdateItsOneHistoryEntry(DatabaseProvider provider)
    {
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null);
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory);

        var first = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations",
            new { prompt = "calm yoga at home", count = 4 }));
        var session = first.GetProperty("id").GetGuid();
        var edited = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations",
            new { prompt = "calm yoga at home", environment = new[] { "beach" }, count = 4, sessionId = session }));
        Assert.Equal(session, edited.GetProperty("id").GetGuid());
        // The multipart form (the page's way when a photo is chosen) carries the session too.
        using var form = new MultipartFormDataContent { { new StringContent("calm yoga at home"), "prompt" },
            { new StringContent("park"), "environment" },
            { new StringContent("4"), "count" }, { new StringContent(session.ToString()), "sessionId" } };
        Assert.Equal(session, (await JsonAsync(await client.PostAsync("/api/v1/recommendations", form))).GetProperty(
            "id").GetGuid());

        var entries = (await JsonAsync(await client.GetAsync("/api/v1/history?kind=recommendation"))).EnumerateArray()
            .ToList();
        Assert.Equal([session], entries.Select(e => e.GetProperty("id").GetGuid()));
        var saved = await JsonAsync(await client.GetAsync($"/api/v1/history/{session}"));
        Assert.Equal(["park"], saved.GetProperty("document").GetProperty("context").GetProperty("environment")
            .EnumerateArray()
            .Select(e => e.GetProperty("label").GetString()));

        // A new prompt without the session is a new entry.
        var second = await JsonAsync(await client.PostAsJsonAsync("/api/v1/recommendations",
            new { prompt = "strong at the gym", count = 4 }));
        Assert.NotEqual(session, second.GetProperty("id").GetGuid());
        Assert.Equal(2,
            (await JsonAsync(await client.GetAsync("/api/v1/history?kind=recommendation"))).GetArrayLength());

        // Another user's session, an unknown one and an entry of another kind are not found; nothing of theirs changes.
        (await other.PostAsJsonAsync("/api/v1/recommendations", new { prompt = "x",
            sessionId = session })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await JsonAsync(await other.GetAsync("/api/v1/history"))).GetArrayLength());
        (await client.PostAsJsonAsync("/api/v1/recommendations", new { sessionId = Guid.NewGuid() })).AssertProblem(
            HttpStatusCode.NotFound);
        var comparison = await HistorySeed.AddAsync(factory, await HistorySeed.UserIdAsync(factory, email),
            ActivityKind.Comparison, DateTime.UtcNow);
        (await client.PostAsJsonAsync("/api/v1/recommendations", new { sessionId = comparison })).AssertProblem(
            HttpStatusCode.NotFound);
        (await client.PostAsync("/api/v1/recommendations", new StringContent("{\"sessionId\":\"not-a-guid\"}",
            System.Text.Encoding.UTF8, "application/json")))
            .AssertProblem(HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
