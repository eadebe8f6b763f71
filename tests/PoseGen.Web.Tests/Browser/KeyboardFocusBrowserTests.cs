using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// Someone on a keyboard always sees where they are: the theme's 3 px focus ring (orange, 5.2:1 on white; light orange
/// on the dark navigation) on the skip link, the navigation and the photo button whose file input is hidden inside it.
/// </summary>
public sealed class KeyboardFocusBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task KeyboardFocusIsVisibleOnTheSkipLinkTheNavigationAndThePhotoButton()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserPages.RegisterAsync(page, "focus");
        await page.GotoAsync("/Analyze");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await Expect(page.Locator(".skip-link")).ToBeVisibleAsync();
        Assert.Equal("solid 3px", await OutlineAsync(page, ".skip-link"));

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".navbar-brand")).ToBeFocusedAsync();
        Assert.Equal("solid 3px", await OutlineAsync(page, ".navbar-brand"));

        // Tab on to the hidden file input: its visible label, "Choose a photo", shows the ring.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id")
            != "photo-input"; i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#photo-input")).ToBeFocusedAsync();
        Assert.Equal("solid 3px", await OutlineAsync(page, "label.btn:has(#photo-input)"));
    }

    private static Task<string> OutlineAsync(IPage page, string selector) =>
        page.EvaluateAsync<string>(
            "s => { const c = getComputedStyle(document.querySelector(s)); return c.outlineStyle + ' ' + " +
            "c.outlineWidth; }", selector);
}
