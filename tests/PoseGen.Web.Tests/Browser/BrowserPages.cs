using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// Steps the browser tests share: a freshly registered user signed in through the real forms, and screenshots.
/// </summary>
public static class BrowserPages
{
    public const string Password = "Pose-Gen-2026!";

    /// <summary>
    /// Registers a new user on <paramref name="page"/>; registration signs the user in and shows the profile form,
    /// where the page is left. Returns the e-mail address.
    /// </summary>
    public static async Task<string> RegisterAsync(IPage page, string emailPrefix)
    {
        var email = $"{emailPrefix}-{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/Account/Register");
        var registerForm = page.Locator("form:has(input[name='ConfirmPassword'])");
        await registerForm.Locator("input[name='Email']").FillAsync(email);
        await registerForm.Locator("input[name='Password']").FillAsync(Password);
        await registerForm.Locator("input[name='ConfirmPassword']").FillAsync(Password);
        await registerForm.Locator("[type='submit']").ClickAsync();
        await Expect(page.Locator("#profile-form")).ToBeVisibleAsync();
        return email;
    }

    /// <summary>
    /// Registers a new user on one page, then signs in on a second page, which is returned on the home page.
    /// </summary>
    public static async Task<IPage> SignedInPageAsync(ChromiumSession chromium, Uri baseAddress, string emailPrefix)
    {
        var email = await RegisterAsync(await chromium.NewPageAsync(baseAddress), emailPrefix);

        var page = await chromium.NewPageAsync(baseAddress);
        await page.GotoAsync("/Account/Login");
        var loginForm = page.Locator("form:has(input[name='Password']):not(:has(input[name='ConfirmPassword']))");
        await loginForm.Locator("input[name='Email']").FillAsync(email);
        await loginForm.Locator("input[name='Password']").FillAsync(Password);
        var login = await page.RunAndWaitForResponseAsync(() => loginForm.Locator("[type='submit']").ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(302, login.Status);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/",
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    /// <summary>
    /// A full-page screenshot under the test binary's screenshots/ folder, for a person to look at; returns its path.
    /// An earlier run's file is deleted first, so a caller that reads the file back reads this run's picture.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
