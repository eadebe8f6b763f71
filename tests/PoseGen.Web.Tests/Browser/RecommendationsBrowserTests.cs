using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// The recommendations page in a real browser on a phone-sized screen: prompt, chips, cards, feedback, detail.
/// </summary>
public sealed class RecommendationsBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task PromptGivesCardsWithChipsTheUserCanCorrectAndFeedbackIsStored()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await BrowserPages.SignedInPageAsync(chromium, app.BaseAddress, "rec");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/Recommendations");
        await page.Locator("#prompt").FillAsync("golden hour on the beach in a summer dress, something elegant");
        await page.Locator("#rec-form [type='submit']").ClickAsync();

        var cards = page.Locator("#rec-results article");
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.InRange(await cards.CountAsync(), 1, 8);
        var environment = page.Locator("[data-dimension='environment'] .chips .badge");
        await Expect(environment).ToContainTextAsync(["Beach"]);
        await Expect(cards.First.Locator(".reasons li").First).ToBeVisibleAsync();
        await Expect(cards.First.Locator("img")).ToHaveAttributeAsync("src",
            new System.Text.RegularExpressions.Regex("/mannequin\\.svg$"));

        // Correcting the context: add a park chip, and the next run shows both chips as the user's.
        var rerun = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v1/recommendations", StringComparison.Ordinal));
        await page.Locator("[data-dimension='environment'] select").SelectOptionAsync("park");
        Assert.Equal(200, (await rerun).Status);
        await Expect(environment).ToHaveCountAsync(2);
        // The chip edit updated the session's History entry instead of adding a second one.
        var entries = await page.APIRequest.GetAsync("/api/v1/history?kind=recommendation");
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(await entries.TextAsync()).RootElement.GetArrayLength());

        var first = cards.First;
        var poseLink = await first.Locator(".pose-link").GetAttributeAsync("href");
        var saved = page.WaitForResponseAsync(r => r.Url.EndsWith("/feedback", StringComparison.Ordinal));
        await first.Locator("button[data-kind='like']").ClickAsync();
        Assert.Equal(200, (await saved).Status);
        await Expect(first.Locator("button[data-kind='like']")).ToHaveAttributeAsync("aria-pressed", "true");

        await BrowserPages.ScreenshotAsync(page, "recommendations-mobile.png");

        await page.GotoAsync(poseLink!);
        await Expect(page.Locator("#pose-feedback button[data-kind='like']"))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("a[href^='/Workout?exercise=hold&pose=']")).ToBeVisibleAsync();

        await BrowserPages.ScreenshotAsync(page, "recommendations-detail-mobile.png");
    }
}
