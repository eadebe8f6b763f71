using System.Buffers.Binary;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>A person in a real browser: registers, signs in from a fresh session, lands on the home page.</summary>
public sealed class AccountFlowBrowserTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Password = "Pose-Gen-2026!";

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
        await registerForm.Locator("input[name='Password']").FillAsync(Password);
        await registerForm.Locator("input[name='ConfirmPassword']").FillAsync(Password);
        await registerForm.Locator("[type='submit']").ClickAsync();
        // A rejected registration re-renders the form; an accepted one redirects away from it.
        await registration.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Register", StringComparison.OrdinalIgnoreCase));

        // A new browser context has no cookies, so this proves the password works, whatever registration did.
        var login = await chromium.NewPageAsync(app.BaseAddress);
        var loginResponse = await login.GotoAsync("/Account/Login");
        Assert.Equal(200, loginResponse?.Status);
        var loginForm = login.Locator("form:has(input[name='Password']):not(:has(input[name='ConfirmPassword']))");
        await loginForm.Locator("input[name='Email']").FillAsync(email);
        await loginForm.Locator("input[name='Password']").FillAsync(Password);
        await loginForm.Locator("[type='submit']").ClickAsync();

        await login.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(login.Locator("form[action*='/Account/Logout' i]")).ToHaveCountAsync(1);
        await Expect(login.Locator("body")).ToContainTextAsync("PoseGen");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "account-flow-home.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        await login.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        var (width, height) = ReadPngSize(await File.ReadAllBytesAsync(screenshot));
        Assert.Equal(1280, width);
        Assert.True(height >= 800, $"full-page screenshot height {height} px is below the 800 px viewport");
    }

    // PNG: 8-byte signature, then the IHDR chunk (length, "IHDR", width and height as big-endian uint32).
    private static (int Width, int Height) ReadPngSize(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 33, $"screenshot is {png.Length} bytes, too short for a PNG");
        Assert.Equal(signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
    }
}
