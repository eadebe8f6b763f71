using System.Buffers.Binary;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// A person in a real browser: registers, signs in from a fresh session, lands on the home page, logs out.
/// </summary>
public sealed class AccountFlowBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task NewUserRegistersLogsInAndSeesTheHomePage()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.test";
        await using var chromium = await ChromiumSession.LaunchAsync();

        var registration = await chromium.NewPageAsync(app.BaseAddress);
        var registerResponse = await registration.GotoAsync("/Account/Register");
        Assert.Equal(200, registerResponse?.Status);
        var registerForm = registration.Locator("form:has(input[name='ConfirmPassword'])");
        await registerForm.Locator("input[name='Email']").FillAsync(email);
        await registerForm.Locator("input[name='Password']").FillAsync(BrowserPages.Password);
        await registerForm.Locator("input[name='ConfirmPassword']").FillAsync(BrowserPages.Password);
        await SubmitExpectingRedirectAsync(registration, registerForm);

        // A new browser context has no cookies, so this proves the password works, whatever registration did.
        var login = await chromium.NewPageAsync(app.BaseAddress);
        var loginResponse = await login.GotoAsync("/Account/Login");
        Assert.Equal(200, loginResponse?.Status);
        var loginForm = login.Locator("form:has(input[name='Password']):not(:has(input[name='ConfirmPassword']))");
        await loginForm.Locator("input[name='Email']").FillAsync(email);
        await loginForm.Locator("input[name='Password']").FillAsync(BrowserPages.Password);
        await SubmitExpectingRedirectAsync(login, loginForm);

        // Commit, not load: the assertions below wait for the content themselves.
        await login.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/",
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        // Signed in: the navigation bar names the user and offers the log-out form.
        await Expect(login.Locator("header")).ToContainTextAsync(email);
        await Expect(login.Locator("form[action='/Account/Logout']")).ToHaveCountAsync(1);
        await Expect(login.Locator("main h1")).ToBeVisibleAsync();

        var screenshot = await BrowserPages.ScreenshotAsync(login, "account-flow-home.png");

        var (width, height) = ReadPngSize(await File.ReadAllBytesAsync(screenshot));
        Assert.Equal(1280, width);
        Assert.True(height >= 800, $"full-page screenshot height {height} px is below the 800 px viewport");

        // The navigation bar's log-out form works from a real browser too (its token is the layout's hidden field).
        await SubmitExpectingRedirectAsync(login, login.Locator("form[action='/Account/Logout']"));
        await Expect(login.Locator("header a[href='/Account/Login']")).ToBeVisibleAsync();
    }

    // Accepted forms answer 302 (post/redirect/get) and the caller's auto-waiting assertions then wait for the page the
    // redirect shows. A rejected one re-renders with its errors or answers 400; the message carries what the page said.
    private static async Task SubmitExpectingRedirectAsync(IPage page, ILocator form)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => form.Locator("[type='submit']").ClickAsync(),
            r => r.Request.Method == "POST");
        if (response.Status == 302)
        {
            return;
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Fail($"POST {response.Url} answered {response.Status}, expected a redirect. The page says:\n{text}");
    }

    // PNG: 8-byte signature, then the IHDR chunk (length, "IHDR", width and height as big-endian uint32).
    private static (int Width, int Height) ReadPngSize(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 33, $"screenshot is {png.Length} bytes, too short for a PNG");
        Assert.Equal(signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }
}
