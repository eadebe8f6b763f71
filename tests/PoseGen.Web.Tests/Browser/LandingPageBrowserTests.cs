using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// What a visitor sees first: the landing page on a phone and at desktop size, and the page for a wrong address.
/// </summary>
public sealed class LandingPageBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    private static readonly string[] Sections = ["analyze", "practice", "workout", "recommendations", "history"];

    [Theory]
    [InlineData(390, 844, "landing-phone.png")]
    [InlineData(1280, 800, "landing-desktop.png")]
    public async Task TheLandingPageShowsItsSectionsAndCallsToActionWithoutScrollingSideways(int width, int height,
        string screenshot)
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(width, height);

        var response = await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("See your pose. Fix it. Hold it.");
        await Expect(page.Locator("#cta-register")).ToHaveAttributeAsync("href", "/Account/Register");
        await Expect(page.Locator("#cta-login")).ToHaveAttributeAsync("href", "/Account/Login");
        await Expect(page.Locator("#cta-analyze")).ToHaveAttributeAsync("href", "/Analyze");
        foreach (var id in Sections)
        {
            var section = page.Locator($"#feature-{id}");
            await section.ScrollIntoViewIfNeededAsync();
            await Expect(section.Locator("h2")).ToBeVisibleAsync();
            await Expect(section.Locator("a.btn")).ToBeVisibleAsync();
            // The screenshot of the feature has loaded (lazy images load once scrolled to).
            await page.WaitForFunctionAsync($"() => document.querySelector('#feature-{id} img').naturalWidth > 0");
        }
        await Expect(page.Locator("#landing-final a[href='/Account/Register']")).ToBeVisibleAsync();
        // The navigation shows the logo.
        await Expect(page.Locator(".navbar-brand img[src='/img/logo.svg']")).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The landing page scrolls sideways at {width} px");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserPages.ScreenshotAsync(page, screenshot);

        // The first call to action leads to the registration form.
        await page.Locator("#cta-register").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Create your account");
    }

    [Fact]
    public async Task AMissingPageAnswers404WithAFriendlyPageThatSaysWhatToDoNext()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);

        var response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#error-state h1")).ToHaveTextAsync("We could not find that page");
        await Expect(page.Locator("#error-state a[href='/']")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-state a[href='/Account/Login']")).ToBeVisibleAsync();
        // The page has the site's navigation, so the visitor is not stranded.
        await Expect(page.Locator("nav.navbar .navbar-brand")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserPages.ScreenshotAsync(page, "not-found-phone.png");

        // Signed in, a wrong address inside a feature offers the main places to go.
        await BrowserPages.RegisterAsync(page, "missing");
        response = await page.GotoAsync("/History/Details/00000000-0000-0000-0000-000000000001");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#error-state h1")).ToHaveTextAsync("We could not find that page");
        await Expect(page.Locator("#error-links a")).ToHaveCountAsync(4);
    }
}
