using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>The Generate page with no generation models installed: the map and the pose editor still work.</summary>
public sealed class GenerateBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task WithoutModelsTheMapRendersDraggingAJointChangesTheExportAndThePageSaysHowToInstall()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await BrowserPages.SignedInPageAsync(chromium, app.BaseAddress, "gen");
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/Generate?pose=warrior-2&view=front");
        await Expect(page.Locator("#gen-unavailable")).ToContainTextAsync("not installed");
        await Expect(page.Locator("#gen-unavailable")).ToContainTextAsync("scripts/fetch-models");
        await Expect(page.Locator("#gen-submit")).ToBeDisabledAsync();
        await Expect(page.Locator("#gen-map")).ToHaveAttributeAsync("src",
            new System.Text.RegularExpressions.Regex("^blob:"));
        // The map is a decoded 512-pixel PNG once the image has loaded.
        await page.WaitForFunctionAsync("() => document.getElementById('gen-map').naturalWidth === 512");

        var before = Nose(await page.Locator("#gen-json").InputValueAsync());
        var nose = page.Locator("#gen-editor circle[data-joint='0']");
        await nose.ScrollIntoViewIfNeededAsync();
        var box = (await nose.BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        var mapRequest = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v1/generations/openpose-map",
            StringComparison.Ordinal));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 30, y + 20, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        Assert.Equal(200, (await mapRequest).Status);

        var after = Nose(await page.Locator("#gen-json").InputValueAsync());
        Assert.True(after.X > before.X + 10, $"nose x {before.X} -> {after.X}");
        Assert.True(after.Y > before.Y + 5, $"nose y {before.Y} -> {after.Y}");
    }

    private static (double X, double Y) Nose(string json)
    {
        var flat = JsonDocument.Parse(json).RootElement.GetProperty("people")[0].GetProperty("pose_keypoints_2d");
        return (flat[0].GetDouble(), flat[1].GetDouble());
    }
}
