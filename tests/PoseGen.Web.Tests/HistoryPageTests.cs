using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Data;
using PoseGen.Web.Services;
using PoseGen.Web.Tests.Infrastructure;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Tests;

public sealed class HistoryPageTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ComparisonDetailShowsScoreAndCorrectionsAndCanBeDeleted()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);

        // A standing pose against the same pose with the left forearm raised: one clear correction.
        NamedKeypoint[] Pose(float leftWristY) =>
        [
            new("nose", 100, 40, 0.9f), new("left_eye", 105, 35, 0.9f), new("right_eye", 95, 35, 0.9f),
            new("left_ear", 110, 38, 0.9f), new("right_ear", 90, 38, 0.9f), new("left_shoulder", 125, 70, 0.9f),
            new("right_shoulder", 75, 70, 0.9f), new("left_elbow", 130, 110, 0.9f), new("right_elbow", 70, 110, 0.9f),
            new("left_wrist", 132, leftWristY, 0.9f), new("right_wrist", 68, 150, 0.9f),
            new("left_hip", 115, 150, 0.9f),
            new("right_hip", 85, 150, 0.9f), new("left_knee", 117, 210, 0.9f), new("right_knee", 83, 210, 0.9f),
            new("left_ankle", 118, 270, 0.9f), new("right_ankle", 82, 270, 0.9f),
        ];
        Guid id;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>()
                .Users.SingleAsync(u => u.Email == email)).Id;
            var result = await scope.ServiceProvider.GetRequiredService<CompareService>()
                .CompareKeypointsAsync(userId, new CompareKeypointsRequest(Pose(150), Pose(75)),
                    CancellationToken.None);
            id = result.Id;
            Assert.NotEmpty(result.Feedback);
        }

        // The list page finds it by words of its title (any case) and refuses nothing for a search that matches
        // nothing.
        Assert.Contains($"/History/Details/{id}", await client.GetPageAsync("/History?q=POSE+comparison"),
            StringComparison.Ordinal);
        var none = await client.GetPageAsync("/History?q=no-such-words");
        Assert.DoesNotContain($"/History/Details/{id}", none, StringComparison.Ordinal);
        Assert.Contains("Nothing matches", none, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/History/Details/{id}");
        Assert.Contains("id=\"history-facts\"", page, StringComparison.Ordinal);
        Assert.Contains("/100", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/history/{id}/export.json\"", page, StringComparison.Ordinal);
        Assert.Contains("left", page.Split("id=\"history-lines\"")[1], StringComparison.OrdinalIgnoreCase);

        // The time is UTC with its zone, for the page's script to show in the reader's own time zone, and deleting asks
        // first.
        Assert.Matches("<time data-local datetime=\"[0-9T:.-]+Z\"", page);
        Assert.Matches("<form[^>]*action=\"/History/Delete/[^\"]+\"[^>]*data-confirm=\"Delete this entry", page);

        var deleted = await client.SubmitAsync($"/History/Details/{id}", $"/History/Delete/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/History/Details/{id}")).StatusCode);

        // The list it lands on offers an undo for a few seconds; undoing brings the entry back.
        var listUrl = deleted.Headers.Location!.OriginalString;
        var list = await client.GetPageAsync(listUrl);
        Assert.Contains("1 entry deleted.", list, StringComparison.Ordinal);
        Assert.Matches("id=\"history-undo\"[^>]*data-dismiss-after=\"10\"", list);
        var token = System.Text.RegularExpressions.Regex.Match(list, "name=\"token\" value=\"([0-9]+)\"").Groups[1]
            .Value;
        var undone = await client.SubmitAsync(listUrl, "/History/Restore", [new("token", token)]);
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Contains("1 entry restored.", await client.GetPageAsync(undone.Headers.Location!.OriginalString),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/History/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task BulkDeleteSaysHowManyEntriesTheFilterMatchesAndDeletesOnlyThose()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        var userId = await HistorySeed.UserIdAsync(_factory, email);
        for (var i = 0; i < 3; i++)
            await HistorySeed.AddAsync(_factory, userId, PoseGen.Core.History.ActivityKind.Workout,
                DateTime.UtcNow.AddMinutes(-i), new("push-up", 4, 0), $"Push-ups {i}");
        await HistorySeed.AddAsync(_factory, userId, PoseGen.Core.History.ActivityKind.Workout, DateTime.UtcNow,
            new("squat", 4, 0), "Squats");

        const string filtered = "/History?exercise=push-up";
        Assert.Contains("data-confirm=\"Delete the 3 entries that match this filter",
            await client.GetPageAsync(filtered), StringComparison.Ordinal);
        // A count that no longer matches (another entry arrived since the page was read) deletes nothing.
        var stale = await client.SubmitAsync(filtered, "/History/DeleteMatching",
            [new("exercise", "push-up"), new("expected", "2")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var done = await client.SubmitAsync(filtered, "/History/DeleteMatching",
            [new("exercise", "push-up"), new("kind", ""), new("q", ""), new("expected", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var list = await client.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("3 entries deleted.", list, StringComparison.Ordinal);
        Assert.Contains("Squats", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Push-ups 0", list, StringComparison.Ordinal);
        Assert.Contains("data-confirm=\"Delete the 1 entry and its pictures?", list, StringComparison.Ordinal);
    }
}
