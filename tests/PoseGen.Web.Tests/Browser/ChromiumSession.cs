using Microsoft.Playwright;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// Playwright driving the distribution's Chromium (never a downloaded browser build): headless, no sandbox (tests run
/// as root in CI), and no background traffic to Google services (the machine has no network beyond loopback).
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _policyViolations = [];

    private ChromiumSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>/usr/bin/chromium (Debian), overridable with POSEGEN_CHROMIUM.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("POSEGEN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <param name="extraArgs">More command-line switches, e.g. a fake camera fed from a file.</param>
    public static async Task<ChromiumSession> LaunchAsync(params string[] extraArgs)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException(
                $"Chromium not found at {ExecutablePath}; install it with 'apt-get install chromium' " +
                "(scripts/test.sh does this when it is absent) or set POSEGEN_CHROMIUM.", ExecutablePath);
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. ChromiumArgs, .. extraArgs],
                Timeout = 60_000,
            });
            return new ChromiumSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh context (own cookies) and page whose relative URLs resolve against <paramref name="baseAddress"/>.
    /// </summary>
    /// <param name="bypassCsp">Lets a test inject its own script (axe-core) past the app's
    /// Content-Security-Policy.</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool bypassCsp = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // Anything the Content-Security-Policy blocks is a broken page: collected here, reported when the session ends.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_policyViolations)
                    _policyViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Closes the browser; fails the test when a page broke the Content-Security-Policy.</summary>
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        lock (_policyViolations)
        {
            if (_policyViolations.Count > 0)
                throw new InvalidOperationException("Blocked by the Content-Security-Policy:\n"
                    + string.Join("\n", _policyViolations));
        }
    }
}
