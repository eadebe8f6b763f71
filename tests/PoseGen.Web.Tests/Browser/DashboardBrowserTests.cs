using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// The signed-in home page is the dashboard, with its figures, chart, weekly goal and next pose at desktop and phone
/// sizes.
/// </summary>
public sealed class DashboardBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Theory]
    [InlineData(1280, 800, "dashboard-desktop.png")]
    [InlineData(390, 844, "dashboard-phone.png")]
    public async Task TheSignedInHomePageShowsTheWeeksFiguresAndChart(int width, int height, string screenshot)
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(width, height);
        var email = await BrowserPages.RegisterAsync(page, "dashboard");
        // Registration leaves the page on the profile form: a weekly goal of ten good reps.
        await page.Locator("#WeeklyGoalKind").SelectOptionAsync("Reps");
        await page.Locator("#WeeklyGoalTarget").FillAsync("10");
        await page.Locator("#profile-form [type='submit']").ClickAsync();
        await Expect(page.Locator("#profile-saved")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#dashboard-empty")).ToBeVisibleAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<PoseGenDbContext>()
                .Users.SingleAsync(u => u.Email == email)).Id;
            var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
            await history.AddAsync(userId, ActivityKind.Workout, "Squat live", "6 good", new { seeded = true }, [],
                null, CancellationToken.None,
                figures: new ActivityFigures("squat", 6, 1, Seconds: 300));
            await history.AddAsync(userId, ActivityKind.Workout, "Warrior II: pose practice", "Best match 88/100",
                new { seeded = true }, [], null,
                CancellationToken.None, figures: new ActivityFigures("warrior-2", Score: 88, Seconds: 60));
        }
        await page.GotoAsync("/");

        await Expect(page.Locator("#dash-workouts")).ToHaveTextAsync("2");
        await Expect(page.Locator("#dash-good")).ToHaveTextAsync("6");
        await Expect(page.Locator("#dash-minutes")).ToHaveTextAsync("6");
        await Expect(page.Locator("#dash-streak")).ToHaveTextAsync("1");
        await Expect(page.Locator("#dash-chart")).ToHaveAttributeAsync("data-drawn", "true");
        await Expect(page.Locator("#dash-bests")).ToContainTextAsync("Squat");
        await Expect(page.Locator("#dash-bests")).ToContainTextAsync("match 88/100");
        await Expect(page.Locator("#dash-recent li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#dash-goal-text")).ToContainTextAsync("6 of 10 good reps");
        await Expect(page.Locator("#dash-goal [role='progressbar']")).ToHaveAttributeAsync("aria-valuenow", "60");
        await Expect(page.Locator("#dash-next-practise")).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex("^/Workout\\?pose=[a-z0-9-]+$"));
        // Nothing scrolls sideways on a phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserPages.ScreenshotAsync(page, screenshot);
    }
}
