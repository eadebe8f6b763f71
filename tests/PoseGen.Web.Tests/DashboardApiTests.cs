using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// GET /api/v1/dashboard reports exactly what a seeded history holds (on both databases, aggregated by them):
/// sessions by kind, reps, training time, poses practised, streaks, reps per day, personal bests and the best
/// comparison score; another user's entries never count.
/// </summary>
public sealed class DashboardApiTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ReportsTheSeededFiguresOfTheSignedInUserOnly(DatabaseProvider provider)
    {
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null);
        var email = $"dash-{Guid.NewGuid():N}@example.test";
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Guid bestSquat;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var otherId = (await db.Users.SingleAsync(u => u.Email != email)).Id;
            async Task<Guid> Add(string user, ActivityKind kind, int daysAgo, ActivityFigures? figures)
            {
                var entry = await history.AddAsync(user, kind, "seeded", null, new { seeded = true }, [], null,
                    CancellationToken.None, figures: figures);
                entry.CreatedAtUtc = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                await db.SaveChangesAsync();
                return entry.Id;
            }
            await Add(userId, ActivityKind.Workout, 0, new("squat", 5, 1, Seconds: 120));
            bestSquat = await Add(userId, ActivityKind.Workout, 1, new("squat", 8, 0, Seconds: 200));
            await Add(userId, ActivityKind.Workout, 3, new("push-up", 4, 2, Seconds: 60));
            await Add(userId, ActivityKind.Workout, 0, new("warrior-2", Score: 85, Seconds: 30));
            await Add(userId, ActivityKind.Workout, 1, new("warrior-2", Score: 91, Seconds: 40));
            await Add(userId, ActivityKind.Comparison, 0, new(Score: 72.5));
            await Add(userId, ActivityKind.Comparison, 10, new(Score: 99));
            await Add(userId, ActivityKind.Analysis, 0, null);
            await Add(otherId, ActivityKind.Workout, 0, new("squat", 50, 0, Seconds: 900));
        }

        var d = JsonDocument.Parse(await client.GetStringAsync("/api/v1/dashboard")).RootElement;

        Assert.Equal(today.AddDays(-6).ToString("yyyy-MM-dd"), d.GetProperty("from").GetString());
        Assert.Equal(5, d.GetProperty("sessions").GetProperty("workout").GetInt32());
        Assert.Equal(1, d.GetProperty("sessions").GetProperty("comparison").GetInt32());
        Assert.Equal(1, d.GetProperty("sessions").GetProperty("analysis").GetInt32());
        Assert.Equal(17, d.GetProperty("goodReps").GetInt32());
        Assert.Equal(3, d.GetProperty("improperReps").GetInt32());
        Assert.Equal(7.5, d.GetProperty("trainingMinutes").GetDouble());
        Assert.Equal(1, d.GetProperty("posesPractised").GetInt32());
        Assert.Equal(2, d.GetProperty("streak").GetInt32());
        Assert.Equal(2, d.GetProperty("longestStreak").GetInt32());
        Assert.Equal(72.5, d.GetProperty("bestComparisonScore").GetDouble());
        var days = d.GetProperty("repsPerDay").EnumerateArray()
            .Select(x => $"{x.GetProperty("day").GetString()} {x.GetProperty("exercise").GetString()} " +
                $"{x.GetProperty("goodReps").GetInt32()}/{x.GetProperty("improperReps").GetInt32()}").ToList();
        Assert.Equal([$"{today.AddDays(-3):yyyy-MM-dd} push-up 4/2", $"{today.AddDays(-1):yyyy-MM-dd} squat 8/0",
            $"{today:yyyy-MM-dd} squat 5/1"], days);
        var bests = d.GetProperty("bests").EnumerateArray()
            .ToDictionary(x => $"{x.GetProperty("exercise").GetString()} {x.GetProperty("kind").GetString()}", x => x);
        Assert.Equal(8, bests["squat good-reps"].GetProperty("value").GetDouble());
        Assert.Equal(bestSquat, bests["squat good-reps"].GetProperty("activityId").GetGuid());
        Assert.Equal(4, bests["push-up good-reps"].GetProperty("value").GetDouble());
        Assert.Equal(91, bests["warrior-2 best-match"].GetProperty("value").GetDouble());
        Assert.Equal(3, bests.Count);

        // History finds entries by words (any case) and days; every seeded title is "seeded".
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/history?take=100"))
            .RootElement.GetArrayLength();
        Assert.Equal(8, all);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/v1/history?q=nothing-like-this"))
            .RootElement.GetArrayLength());
        Assert.Equal(8, JsonDocument.Parse(await client.GetStringAsync("/api/v1/history?q=SEEDED&take=100"))
            .RootElement.GetArrayLength());
        Assert.Equal(2, JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/history?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&kind=workout"))
            .RootElement.GetArrayLength());
        Assert.Equal(1, JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/history?to={today.AddDays(-5):yyyy-MM-dd}")).RootElement.GetArrayLength());

        // A longer range takes in the older comparison; a backwards range is refused.
        var month = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/dashboard?from={today.AddDays(-30):yyyy-MM-dd}")).RootElement;
        Assert.Equal(99, month.GetProperty("bestComparisonScore").GetDouble());
        (await client.GetAsync(
            $"/api/v1/dashboard?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}")).AssertProblem(
            HttpStatusCode.BadRequest);
        // A day that is not a date is refused, not read as "no day given" (the default week).
        (await client.GetAsync("/api/v1/dashboard?from=last-monday")).AssertProblem(HttpStatusCode.BadRequest);
        // The other user sees only their own.
        var theirs = JsonDocument.Parse(await other.GetStringAsync("/api/v1/dashboard")).RootElement;
        Assert.Equal(50, theirs.GetProperty("goodReps").GetInt32());
        Assert.DoesNotContain(theirs.GetProperty("bests").EnumerateArray(),
            b => b.GetProperty("exercise").GetString() == "warrior-2");
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, 3, 3)]
    [InlineData(new[] { 1, 2, 5, 6, 7, 8 }, 2, 4)]
    [InlineData(new[] { 2, 3 }, 0, 2)]
    [InlineData(new int[0], 0, 0)]
    public void StreaksCountDaysInARowUpToTodayOrYesterday(int[] daysAgo, int current, int longest)
    {
        var today = new DateOnly(2026, 12, 4);
        var days = daysAgo.Select(d => today.AddDays(-d)).Order().ToList();
        Assert.Equal((current, longest), DashboardService.Streaks(days, today));
    }
}
