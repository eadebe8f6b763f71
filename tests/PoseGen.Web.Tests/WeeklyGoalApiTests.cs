using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.Core.History;
using PoseGen.Core.Library;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// The profile's weekly goal (API and page) and the dashboard's progress towards it and next suggested pose.
/// </summary>
public sealed class WeeklyGoalApiTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DashboardMeasuresThisWeeksGoodRepsAgainstTheProfilesGoal(DatabaseProvider provider)
    {
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null);
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory);
        var userId = await HistorySeed.UserIdAsync(factory, email);

        var put = await client.PutAsJsonAsync("/api/v1/profile",
            new { goals = Array.Empty<string>(), level = "beginner", limitations = Array.Empty<string>(),
                preferences = Array.Empty<string>(), weeklyGoal = new { kind = "reps", target = 20 } });
        put.EnsureSuccessStatusCode();
        var profile = JsonDocument.Parse(await client.GetStringAsync("/api/v1/profile"))
            .RootElement.GetProperty("weeklyGoal");
        Assert.Equal("reps", profile.GetProperty("kind").GetString());
        Assert.Equal(20, profile.GetProperty("target").GetInt32());

        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now, new("squat", 8, 2));
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout,
            monday.ToDateTime(new TimeOnly(0, 30), DateTimeKind.Utc), new("push-up", 5, 0));
        // The Sunday before this week, and another kind: neither counts.
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout,
            monday.AddDays(-1).ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc), new("squat", 40, 0));
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Comparison, now, new(Score: 80));

        var goal = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard")).RootElement.GetProperty("goal");
        Assert.Equal("reps", goal.GetProperty("kind").GetString());
        Assert.Equal(13, goal.GetProperty("done").GetInt32());
        Assert.Equal(65, goal.GetProperty("percent").GetInt32());
        Assert.False(goal.GetProperty("met").GetBoolean());
        Assert.Equal(monday.ToString("yyyy-MM-dd"), goal.GetProperty("weekStart").GetString());

        (await client.PutAsJsonAsync("/api/v1/profile", new { goals = Array.Empty<string>(), level = "beginner",
            limitations = Array.Empty<string>(), preferences = Array.Empty<string>(),
            weeklyGoal = new { kind = "sessions", target = 2 } })).EnsureSuccessStatusCode();
        goal = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard")).RootElement.GetProperty("goal");
        Assert.Equal((2, 100, true), (goal.GetProperty("done").GetInt32(), goal.GetProperty("percent").GetInt32(),
            goal.GetProperty("met").GetBoolean()));

        // Another user has no goal, and nothing of this user's counts for them.
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(await other.GetStringAsync("/api/v1/dashboard"))
            .RootElement.GetProperty("goal").ValueKind);
        // Removing the goal.
        (await client.PutAsJsonAsync("/api/v1/profile", new { goals = Array.Empty<string>(), level = "beginner",
            limitations = Array.Empty<string>(), preferences = Array.Empty<string>() })).EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard"))
            .RootElement.GetProperty("goal").ValueKind);
    }

    [Theory]
    [InlineData("""{"kind":"sessions","target":0}""")]
    [InlineData("""{"kind":"sessions","target":15}""")]
    [InlineData("""{"kind":"reps","target":99999}""")]
    [InlineData("""{"kind":"laps","target":3}""")]
    [InlineData("""{"target":3}""")]
    [InlineData("""{"kind":"reps"}""")]
    public async Task AnImpossibleWeeklyGoalGetsA400Problem(string weeklyGoal)
    {
        var body = $$"""
            {"goals":[],"level":"beginner","limitations":[],"preferences":[],"weeklyGoal":{{weeklyGoal}}}
            """;
        using var factory = new PoseGenWebFactory();
        using var client = await ApiClient.CreateSignedInAsync(factory);
        var response = await client.PutAsync("/api/v1/profile", new StringContent(body, System.Text.Encoding.UTF8,
            "application/json"));
        response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(await client.GetStringAsync("/api/v1/profile"))
            .RootElement.GetProperty("weeklyGoal").ValueKind);
    }

    [Fact]
    public async Task TheNextSuggestedPoseIsALibraryPoseNotPractisedThisWeek()
    {
        using var factory = new PoseGenWebFactory();
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        var userId = await HistorySeed.UserIdAsync(factory, email);

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard"))
            .RootElement.GetProperty("nextPose");
        var id = first.GetProperty("id").GetString()!;
        Assert.NotNull(PoseLibrary.Default.Find(id));
        Assert.Equal($"/Workout?pose={id}", first.GetProperty("practiceUrl").GetString());
        Assert.NotEmpty(first.GetProperty("reasons").EnumerateArray());

        // Practised today, it gives way to another pose; the page links to practising the new one.
        await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, DateTime.UtcNow,
            new(id, Score: 70, Seconds: 30));
        var next = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard"))
            .RootElement.GetProperty("nextPose").GetProperty("id").GetString();
        Assert.NotEqual(id, next);
        var page = new BrowserLikeClient(factory);
        await page.LoginAsync(email);
        Assert.Contains($"href=\"/Workout?pose={next}\"", await page.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProfilePageSavesAWeeklyGoalAndRefusesATargetWithoutANumber()
    {
        using var factory = new PoseGenWebFactory();
        var client = new BrowserLikeClient(factory);
        await client.RegisterAsync(BrowserLikeClient.NewEmail());

        var saved = await client.SubmitAsync("/Profile", "/Profile",
            [new("Level", "Beginner"), new("WeeklyGoalKind", "Sessions"), new("WeeklyGoalTarget", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync("/Profile");
        Assert.Matches(
            "<option selected=\"selected\" value=\"Sessions\">|<option value=\"Sessions\" selected=\"selected\">",
            page);
        Assert.Contains("0 of 3 workout sessions", await client.GetPageAsync("/"), StringComparison.Ordinal);

        var refused = await client.SubmitAsync("/Profile", "/Profile",
            [new("Level", "Beginner"), new("WeeklyGoalKind", "Reps"), new("WeeklyGoalTarget", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("between 1 and 2100", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
