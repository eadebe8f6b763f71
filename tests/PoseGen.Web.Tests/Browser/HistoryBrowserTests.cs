using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// History on a phone: delete asks, then offers an undo for a few seconds; bulk delete says how many it takes.
/// </summary>
public sealed class HistoryBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task DeleteOffersUndoForAFewSecondsAndBulkDeleteSaysHowMany()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);
        var email = await BrowserPages.RegisterAsync(page, "history");
        Guid first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>()
                .Users.SingleAsync(u => u.Email == email)).Id;
            var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
            first = (await history.AddAsync(userId, ActivityKind.Workout, "Squat live", "3 good", new { seeded = true },
                [], null, CancellationToken.None,
                figures: new ActivityFigures("squat", 3, 0))).Id;
            await history.AddAsync(userId, ActivityKind.Workout, "Push-up live", "4 good", new { seeded = true }, [],
                null, CancellationToken.None,
                figures: new ActivityFigures("push-up", 4, 0));
        }
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        await page.GotoAsync($"/History/Details/{first}");
        await page.Locator("form[action^='/History/Delete/'] [type='submit']").ClickAsync();
        await Expect(page.Locator("#history-undo")).ToContainTextAsync("1 entry deleted.");
        await Expect(page.Locator("#history-list .card")).ToHaveCountAsync(1);
        await page.Locator("#history-undo-button").ClickAsync();
        await Expect(page.Locator("#history-restored")).ToContainTextAsync("1 entry restored.");
        await Expect(page.Locator("#history-list .card")).ToHaveCountAsync(2);

        await page.Locator("#history-bulk-delete [type='submit']").ClickAsync();
        await Expect(page.Locator("#history-undo")).ToContainTextAsync("2 entries deleted.");
        Assert.Equal(["Delete this entry and its pictures? You can undo for a few seconds.",
            "Delete all 2 entries and their pictures? You can undo for a few seconds."], questions);
        await Expect(page.Locator("#history-empty")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserPages.ScreenshotAsync(page, "history-undo-phone.png");
        // The offer goes away when the undo time is over.
        await Expect(page.Locator("#history-undo")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }
}
