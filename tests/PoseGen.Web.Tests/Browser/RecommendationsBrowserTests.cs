using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>The recommendations page in a real browser on a phone-sized screen: prompt, chips, cards, feedback, detail.</summary>
public sealed class RecommendationsBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    private const string Password = "Pose-Gen-2026!";

    [Fact]
    public async Task PromptGivesCardsWithChipsTheUserCanCorrectAndFeedbackIsStored()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await SignedInPageAsync(chromium);
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
        await Expect(cards.First.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/mannequin\\.svg$"));

        // Correcting the context: add a park chip, and the next run shows both chips as the user's.
        var rerun = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v1/recommendations", StringComparison.Ordinal));
        await page.Locator("[data-dimension='environment'] select").SelectOptionAsync("park");
        Assert.Equal(200, (await rerun).Status);
        await Expect(environment).ToHaveCountAsync(2);

        var first = cards.First;
        var poseLink = await first.Locator(".pose-link").GetAttributeAsync("href");
        var saved = page.WaitForResponseAsync(r => r.Url.EndsWith("/feedback", StringComparison.Ordinal));
        await first.Locator("button[data-kind='like']").ClickAsync();
        Assert.Equal(200, (await saved).Status);
        await Expect(first.Locator("button[data-kind='like']")).ToHaveAttributeAsync("aria-pressed", "true");

        await ScreenshotAsync(page, "recommendations-mobile.png");

        await page.GotoAsync(poseLink!);
        await Expect(page.Locator("#pose-feedback button[data-kind='like']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("a[href^='/Workout?exercise=hold&pose=']")).ToBeVisibleAsync();

        await ScreenshotAsync(page, "recommendations-detail-mobile.png");
    }

    // Kept with the test output for a human look at the mobile layout; not compared against anything.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private async Task<IPage> SignedInPageAsync(ChromiumSession chromium)
    {
        var email = $"rec-{Guid.NewGuid():N}@example.test";
        var registration = await chromium.NewPageAsync(app.BaseAddress);
        await registration.GotoAsync("/Account/Register");
        var registerForm = registration.Locator("form:has(input[name='ConfirmPassword'])");
        await registerForm.Locator("input[name='Email']").FillAsync(email);
        await registerForm.Locator("input[name='Password']").FillAsync(Password);
        await registerForm.Locator("input[name='ConfirmPassword']").FillAsync(Password);
        await registration.RunAndWaitForResponseAsync(() => registerForm.Locator("[type='submit']").ClickAsync(), r => r.Request.Method == "POST");

        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/Account/Login");
        var loginForm = page.Locator("form:has(input[name='Password']):not(:has(input[name='ConfirmPassword']))");
        await loginForm.Locator("input[name='Email']").FillAsync(email);
        await loginForm.Locator("input[name='Password']").FillAsync(Password);
        var login = await page.RunAndWaitForResponseAsync(() => loginForm.Locator("[type='submit']").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(302, login.Status);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }
}
