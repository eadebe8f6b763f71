using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// Deleting with undo (one entry or every entry a filter matches) and the purge once the undo time is over.
/// </summary>
public sealed class HistoryDeletionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ADeletedEntryIsHiddenAtOnceAndComesBackWithUndo(DatabaseProvider provider)
    {
        var clock = new ShiftedTime();
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory);
        var userId = await HistorySeed.UserIdAsync(factory, email);
        var id = await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, DateTime.UtcNow, new("squat", 5, 0));

        // Another user can neither delete nor restore it.
        (await other.DeleteAsync($"/api/v1/history/{id}")).AssertProblem(HttpStatusCode.NotFound);
        var deleted = await JsonAsync(await client.DeleteAsync($"/api/v1/history/{id}"));
        Assert.Equal(1, deleted.GetProperty("count").GetInt32());
        var token = deleted.GetProperty("undoToken").GetString();
        (await client.GetAsync($"/api/v1/history/{id}")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/v1/history"))).GetArrayLength());
        Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/v1/dashboard"))).GetProperty("goodReps")
            .GetInt32());
        (await other.PostAsync($"/api/v1/history/restore?token={token}", null)).AssertProblem(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/history/{id}/restore", null)).AssertProblem(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/v1/history/restore?token=not-a-token", null)).AssertProblem(
            HttpStatusCode.BadRequest);

        Assert.Equal(1, (await JsonAsync(await client.PostAsync($"/api/v1/history/restore?token={token}",
            null))).GetProperty("restored").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/history/{id}")).StatusCode);
        Assert.Equal(5, (await JsonAsync(await client.GetAsync("/api/v1/dashboard"))).GetProperty("goodReps")
            .GetInt32());

        // Undo by the entry's id works too, but not once the window has closed; then the sweep purges it for good.
        (await client.DeleteAsync($"/api/v1/history/{id}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/history/{id}/restore",
            null)).StatusCode);
        (await client.DeleteAsync($"/api/v1/history/{id}")).EnsureSuccessStatusCode();
        clock.Offset = HistoryDeletionService.UndoWindow + TimeSpan.FromSeconds(1);
        (await client.PostAsync($"/api/v1/history/{id}/restore", null)).AssertProblem(HttpStatusCode.NotFound);
        await using var scope = factory.Services.CreateAsyncScope();
        // The background sweep may have come first; either way the entry is gone for good.
        await scope.ServiceProvider.GetRequiredService<HistoryDeletionService>()
            .PurgeExpiredAsync(CancellationToken.None);
        Assert.False(await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>().Activities.IgnoreQueryFilters()
            .AnyAsync(a => a.Id == id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task BulkDeleteTakesWhatTheFilterMatchesOnlyAtTheConfirmedCountAndThePurgeRemovesTheirPictures(
        DatabaseProvider provider)
    {
        var clock = new ShiftedTime();
        using var factory = new PoseGenWebFactory(provider, provider == DatabaseProvider.Postgres
            ? database.ConnectionString : null)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var email = BrowserLikeClient.NewEmail();
        var otherEmail = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(factory, email);
        using var other = await ApiClient.CreateSignedInAsync(factory, otherEmail);
        var userId = await HistorySeed.UserIdAsync(factory, email);
        var now = DateTime.UtcNow;
        for (var i = 0; i < 3; i++)
            await HistorySeed.AddAsync(factory, userId, ActivityKind.Workout, now.AddMinutes(-i), new("squat", i, 0));
        var comparison = await HistorySeed.AddAsync(factory, userId, ActivityKind.Comparison, now, new(Score: 50));
        await HistorySeed.AddAsync(factory, await HistorySeed.UserIdAsync(factory, otherEmail), ActivityKind.Workout,
            now, new("squat", 9, 0));
        string picturePath;
        Guid pictured;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
            var file = await media.SaveAsync(userId, TestPng.Grey(8, 8, 8), "image/png", CancellationToken.None);
            picturePath = media.FullPath(file);
            var entry = await scope.ServiceProvider.GetRequiredService<HistoryService>()
                .AddAsync(userId, ActivityKind.Workout, "with a picture", null, new { seeded = true }, [file], file.Id,
                    CancellationToken.None, figures: new("squat", 1, 0));
            pictured = entry.Id;
        }

        (await client.DeleteAsync("/api/v1/history?exercise=squat&expected=3")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(4, (await JsonAsync(await client.GetAsync("/api/v1/history?exercise=squat"))).GetArrayLength());
        (await client.DeleteAsync("/api/v1/history?exercise=moonwalk")).AssertProblem(HttpStatusCode.BadRequest);

        var deleted =
            await JsonAsync(await client.DeleteAsync("/api/v1/history?exercise=squat&kind=workout&expected=4"));
        Assert.Equal(4, deleted.GetProperty("count").GetInt32());
        Assert.Equal([comparison], (await JsonAsync(await client.GetAsync("/api/v1/history"))).EnumerateArray()
            .Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(1, (await JsonAsync(await other.GetAsync("/api/v1/history?exercise=squat"))).GetArrayLength());
        Assert.True(File.Exists(picturePath));
        Assert.Equal(4, (await JsonAsync(await client.PostAsync(
            $"/api/v1/history/restore?token={deleted.GetProperty("undoToken").GetString()}", null)))
            .GetProperty("restored").GetInt32());
        Assert.Equal(5, (await JsonAsync(await client.GetAsync("/api/v1/history"))).GetArrayLength());

        (await client.DeleteAsync("/api/v1/history?exercise=squat")).EnsureSuccessStatusCode();
        clock.Offset = HistoryDeletionService.UndoWindow + TimeSpan.FromSeconds(1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HistoryDeletionService>()
                .PurgeExpiredAsync(CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            Assert.False(await db.Activities.IgnoreQueryFilters().AnyAsync(a => a.Id == pictured));
            Assert.False(await db.MediaFiles.AnyAsync(m => m.UserId == userId));
        }
        Assert.False(File.Exists(picturePath));
        Assert.Equal(1, (await JsonAsync(await other.GetAsync("/api/v1/history"))).GetArrayLength());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
