using System.Text.Json;
using Microsoft.Playwright;
using PoseGen.TestSupport;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// Every page passes axe-core's WCAG 2.1 A and AA rules (colour contrast included) at a desktop and a phone size,
/// signed out and signed in, and none scrolls sideways. The visitors' landing page, the 404 page and the empty History
/// are among them. axe-core comes from npm (a dev dependency) and is injected by the test, so the pages themselves ship
/// nothing of it.
/// </summary>
public sealed class AccessibilityBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    private static readonly string Axe = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");

    private static readonly string[] SignedOutPages = ["/", "/Account/Login", "/Account/Register", "/no/such/page"];

    private static readonly string[] SignedInPages =
        ["/", "/Analyze", "/Compare", "/Recommendations", "/Recommendations/Pose/warrior-2", "/Workout", "/Generate",
            "/History", "/Profile", "/Account/Manage", "/no/such/page"];

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task EveryPageHasNoWcagViolation(int width, int height)
    {
        Assert.True(File.Exists(Axe), $"axe-core is missing at {Axe}; run npm ci");
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress, bypassCsp: true);
        await page.SetViewportSizeAsync(width, height);
        var found = new List<string>();

        foreach (var path in SignedOutPages)
            found.AddRange(await ViolationsAsync(page, path));
        await BrowserPages.RegisterAsync(page, "a11y");
        foreach (var path in SignedInPages)
            found.AddRange(await ViolationsAsync(page, path));

        Assert.True(found.Count == 0, $"{width}x{height}:\n" + string.Join("\n", found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.AddScriptTagAsync(new() { Path = Axe });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', " +
            "'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) " +
            "})))");
        using var doc = JsonDocument.Parse(json);
        var found = doc.RootElement.EnumerateArray().Select(v =>
            $"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}) at " +
            string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))).ToList();
        if (sideways)
            found.Add($"{path}: the page scrolls sideways");
        return found;
    }
}
