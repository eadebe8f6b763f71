using System.Net;
using System.Text.Json;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// History's filters by kind and exercise (API and page), paging that keeps them, and kinds named in words.
/// </summary>
public sealed class HistoryFilterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheApiFiltersByKindAndExerciseAndNamesEachKind(DatabaseProvider provider)
    {
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null);
        var email = BrowserLikeClient.NewEmail();
        var otherEmail = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory, otherEmail);
        var userId = await HistorySeed.UserIdAsync(factory, email);
        var now = DateTime.UtcNow;
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-3), new("squat", 5, 1),
            "Squat live");
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-2), new("push-up", 3, 0),
            "Push-up live");
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-1),
            new("warrior-2", Score: 80), "Warrior II: pose practice");
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Comparison, now, new(Score: 70),
            "Pose comparison: 70/100");
        await HistorySeed.AddAsync(factory, await HistorySeed.UserIdAsync(factory, otherEmail), ActivityKind.Workout,
            now, new("squat", 9, 0), "Their squat");

        async Task<List<string>> Titles(HttpClient c, string query) =>
            [.. JsonDocument.Parse(await c.GetStringAsync($"/api/v1/history?{query}")).RootElement.EnumerateArray()
                .Select(e => e.GetProperty("title").GetString()!)];

        Assert.Equal(["Squat live"], await Titles(client, "exercise=squat"));
        Assert.Equal(["Warrior II: pose practice"], await Titles(client, "exercise=WARRIOR-2&kind=workout"));
        Assert.Empty(await Titles(client, "exercise=squat&kind=comparison"));
        Assert.Equal(["Warrior II: pose practice", "Push-up live", "Squat live"], await Titles(client, "kind=workout"));
        Assert.Equal(["Push-up live"], await Titles(client, "kind=workout&skip=1&take=1"));
        Assert.Equal(["Their squat"], await Titles(other, "exercise=squat"));

        var kinds = JsonDocument.Parse(await client.GetStringAsync("/api/v1/history")).RootElement.EnumerateArray()
            .Select(e => $"{e.GetProperty("kind").GetString()}={e.GetProperty("kindName").GetString()}").Distinct()
            .ToList();
        Assert.Equal(["comparison=Pose comparison", "workout=Workout"], kinds);

        (await client.GetAsync("/api/v1/history?exercise=moonwalk")).AssertProblem(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/history?kind=dancing")).AssertProblem(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/history?from=2026-02-02&to=2026-02-01")).AssertProblem(
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ThePageFiltersByExerciseAndItsPagesKeepTheFilter()
    {
        using var factory = new PoseGenWebFactory();
        var client = new BrowserLikeClient(factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        var userId = await HistorySeed.UserIdAsync(factory, email);
        var now = DateTime.UtcNow;
        for (var i = 0; i < 26; i++)
            await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-i), new("squat", i, 0),
                $"Squat number {i}");
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddHours(-1), new("push-up", 2, 0),
            "Push-up set");

        var page = await client.GetPageAsync("/History?exercise=squat&kind=Workout");
        Assert.Contains("26 entries", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Push-up set", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"push-up\">Push-up</option>", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/History?page=2&amp;kind=Workout&amp;exercise=squat\"", page, StringComparison.Ordinal);
        Assert.Contains(">Workout</span>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/history/export.csv?kind=Workout&amp;exercise=squat\"", page,
            StringComparison.Ordinal);
        var second = await client.GetPageAsync("/History?page=2&kind=Workout&exercise=squat");
        Assert.Contains("Squat number 25", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Push-up set", second, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync("/History?exercise=moonwalk")).StatusCode);
    }
}
