using PoseGen.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>A person compares their pose with a reference on the Compare page in a real browser.</summary>
public sealed class ComparePageBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task TwoPhotosGiveScoreCorrectionsAndAlignedOverlay()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserPages.RegisterAsync(page, "compare");

        await page.GotoAsync("/Compare");
        await page.SetInputFilesAsync("#reference-input", RepoPaths.Fixture("pairs", "tree_overhead_a.jpg"));
        await page.SetInputFilesAsync("#candidate-input", RepoPaths.Fixture("pairs", "squat_bottom_a.jpg"));
        await page.ClickAsync("#compare-form [type='submit']");
        await Expect(page.Locator("#compare-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var score = int.Parse(await page.Locator("#compare-score").InnerTextAsync(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(score, 0, 50);
        await Expect(page.Locator("#compare-meaning")).ToHaveTextAsync("A different pose.");
        Assert.InRange(await page.Locator("#compare-feedback li").CountAsync(), 1, 3);
        Assert.True(await page.Locator("#overlay-svg g.pose").CountAsync() == 2,
            "reference and aligned candidate skeletons");
        Assert.True(await page.Locator("#compare-joints tbody tr").CountAsync() > 0);

        await BrowserPages.ScreenshotAsync(page, "compare.png");

        await page.GotoAsync("/History?kind=Comparison");
        await Expect(page.Locator("#history-list .card")).ToHaveCountAsync(1);
    }
}
