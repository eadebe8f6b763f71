using PoseGen.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>A person analyses a photo on the Analyze page in a real browser, on a phone-sized screen.</summary>
public sealed class AnalyzePageBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task UploadedPhotoShowsSkeletonTableAndLandsInHistory()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);

        await BrowserPages.RegisterAsync(page, "analyze");

        await page.GotoAsync("/Analyze");
        await page.SetInputFilesAsync("#photo-input", RepoPaths.Fixture("people", "ochuman_003799.jpg"));
        await Expect(page.Locator("#analyze-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Four footballers are in this photo (two in the background); every person gets 17 keypoints and 17 table rows.
        await Expect(page.Locator("#result-summary")).ToContainTextAsync("4 people");
        Assert.Equal(4, await page.Locator("#result-overlay g.person").CountAsync());
        Assert.Equal(4 * 17, await page.Locator("#result-overlay circle.keypoint").CountAsync());
        Assert.Equal(4 * 17, await page.Locator("#result-table tbody tr").CountAsync());
        // Context chips under the photo: environment and outfit labels with their evidence as the tooltip.
        var environmentChip = page.Locator("#result-context li.context-chip[data-kind='environment']").First;
        await Expect(environmentChip).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Contains(await environmentChip.GetAttributeAsync("data-label"),
            PoseGen.Core.Context.ContextLabels.Environments.Keys);
        Assert.False(string.IsNullOrWhiteSpace(await environmentChip.GetAttributeAsync("title")));
        Assert.True(await page.Locator("#result-context li.context-chip[data-kind='outfit']").CountAsync() >= 1);
        // The photo's pose is named: the closest library pose, how alike, and a link to practise it live.
        await Expect(page.Locator("#result-nearest")).ToContainTextAsync("Closest in the library:",
            new() { Timeout = 30_000 });
        await Expect(page.Locator("#result-nearest")).ToContainTextAsync("% alike");
        Assert.StartsWith("/Workout?pose=", await page.Locator("#nearest-practice").GetAttributeAsync("href"),
            StringComparison.Ordinal);
        // ... and read in plain words: the main person's joint angles on the photo and what a coach notices first.
        await Expect(page.Locator("#result-observations li").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.Locator("#result-overlay text.angle-label").CountAsync() >= 4);
        Assert.Null(await page.Locator("#result-data").GetAttributeAsync("open")); // the coordinates stay folded away
        var coco = await page.Locator("#result-downloads a[data-format='coco']").GetAttributeAsync("href");
        Assert.Matches("^/api/v1/poses/analyses/[0-9a-f-]{36}\\?format=coco$", coco);

        await BrowserPages.ScreenshotAsync(page, "analyze-phone.png");

        await page.GotoAsync("/History");
        await page.ClickAsync("#history-list a");
        await Expect(page.Locator("#history-overlay circle.keypoint")).ToHaveCountAsync(4 * 17);
    }
}
