using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// What the live Workout page tells a person when things go wrong: the camera is refused or missing, the SignalR link
/// drops mid-session (the count must survive the reconnect), or the tab goes to the background.
/// </summary>
public sealed class WorkoutPageFailureBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    private const string DeniedMessage =
        "Camera access was denied. Allow the camera for this site in the browser (the icon in the address bar) and " +
        "press Start again.";
    private const string NoCameraMessage =
        "No camera was found. Connect a camera, or upload a video of your workout below.";
    private const string ReconnectingMessage = "Lost the connection to the server: reconnecting. Your count is kept.";
    private const string ReconnectedMessage = "Reconnected: counting continues.";
    private const string PausedMessage =
        "Paused: the tab is in the background. Counting carries on when you come back.";
    private const string Counting =
        "() => Number(document.getElementById('good-reps').textContent) + " +
        "Number(document.getElementById('improper-reps').textContent)";

    /// <summary>
    /// A fake camera exists, but without --use-fake-ui-for-media-stream nor a granted permission headless Chromium
    /// refuses the request (NotAllowedError, permission state "denied"), as when a person clicks Block.
    /// </summary>
    [Fact]
    public async Task DeniedCameraShowsHowToAllowItAndStartWorksOnceAllowed()
    {
        await using var chromium = await ChromiumSession.LaunchAsync("--use-fake-device-for-media-stream");
        var page = await WorkoutPageAsync(chromium, "denied");
        var errors = CollectPageErrors(page);
        Assert.Contains("videoinput", await page.EvaluateAsync<string[]>(
            "() => navigator.mediaDevices.enumerateDevices().then(d => d.map(x => x.kind))"));

        await page.ClickAsync("#workout-start");

        var status = page.Locator("#workout-status");
        await ExpectStatusAsync(status, DeniedMessage, "danger");
        Assert.Equal("denied", await page.EvaluateAsync<string>(
            "() => navigator.permissions.query({ name: 'camera' }).then(p => p.state)"));
        await Expect(page.Locator("#workout-start")).ToBeEnabledAsync();
        await Expect(page.Locator("#workout-stop")).ToBeDisabledAsync();

        // Allowing the camera afterwards (what the message asks for) and pressing Start again opens it.
        await page.Context.GrantPermissionsAsync(["camera"]);
        await page.ClickAsync("#workout-start");
        await page.WaitForFunctionAsync("() => document.getElementById('workout-video').videoWidth > 0");
        await Expect(status).Not.ToHaveTextAsync(DeniedMessage);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Headless Chromium with no fake-device switch has no capture device: getUserMedia fails with NotFoundError.
    /// </summary>
    [Fact]
    public async Task MissingCameraPointsToTheVideoUpload()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await WorkoutPageAsync(chromium, "nocamera");
        var errors = CollectPageErrors(page);
        Assert.DoesNotContain("videoinput", await page.EvaluateAsync<string[]>(
            "() => navigator.mediaDevices.enumerateDevices().then(d => d.map(x => x.kind))"));

        await page.ClickAsync("#workout-start");

        var status = page.Locator("#workout-status");
        await ExpectStatusAsync(status, NoCameraMessage, "danger");
        await Expect(page.Locator("#workout-start")).ToBeEnabledAsync();
        await Expect(page.Locator("#workout-stop")).ToBeDisabledAsync();
        await Expect(page.Locator("#video-submit")).ToBeEnabledAsync();
        Assert.Empty(errors);
    }

    /// <summary>
    /// The hub's WebSocket is routed through Playwright to the real server. After the first counted rep the test closes
    /// that connection and refuses the negotiate requests of the reconnect attempts (the server is unreachable) until
    /// it lets them through again; the page must say so, resume the same server session and keep counting.
    /// </summary>
    [Fact]
    public async Task LostConnectionReconnectsAndKeepsTheCount()
    {
        using var camera = await FakeCamera.FromFixtureAsync("squat_studio_pexels4838220.mp4");
        await using var chromium = await ChromiumSession.LaunchAsync(camera.ChromiumArgs);
        var page = await BrowserPages.SignedInPageAsync(chromium, app.BaseAddress, "reconnect");
        var errors = CollectPageErrors(page);
        IWebSocketRoute? server = null;
        var sockets = 0;
        var reachable = true;
        await page.RouteWebSocketAsync(url => new Uri(url).AbsolutePath == "/hubs/workout", socket =>
        {
            Interlocked.Increment(ref sockets);
            Volatile.Write(ref server, socket.ConnectToServer());
        });
        await page.RouteAsync("**/hubs/workout/negotiate**", route => Volatile.Read(ref reachable)
            ? route.ContinueAsync()
            : route.AbortAsync("connectionrefused"));

        await StartSquatsAsync(page);
        await page.WaitForFunctionAsync($"() => ({Counting})() >= 1", null,
            new() { Timeout = 240_000, PollingInterval = 500 });
        var sessionBefore = await StoredSessionIdAsync(page);
        Assert.Equal(1, Volatile.Read(ref sockets));

        Volatile.Write(ref reachable, false);
        await Volatile.Read(ref server)!.CloseAsync();
        var status = page.Locator("#workout-status");
        await ExpectStatusAsync(status, ReconnectingMessage, "warning");
        var countBefore = await page.EvaluateAsync<int>(Counting);

        Volatile.Write(ref reachable, true);
        // Retries are 0, 1, 2, 5, 10 s ... apart, so the next attempt may be a while away.
        await Expect(status).ToHaveTextAsync(ReconnectedMessage, new() { Timeout = 60_000 });
        Assert.Equal(2, Volatile.Read(ref sockets));
        // Resume answered the server's state of the same session: the count is not reset, and counting goes on.
        var countAfter = await page.EvaluateAsync<int>(Counting);
        Assert.True(countAfter >= countBefore, $"count {countAfter} after the reconnect, {countBefore} before");
        Assert.Equal(sessionBefore, await StoredSessionIdAsync(page));
        await page.WaitForFunctionAsync($"() => ({Counting})() > {countBefore}", null,
            new() { Timeout = 240_000, PollingInterval = 500 });
        Assert.Equal(sessionBefore, await StoredSessionIdAsync(page));
        await Expect(page.Locator("#workout-stop")).ToBeEnabledAsync();
        Assert.Empty(errors);
    }

    /// <summary>
    /// Playwright keeps every page it drives visible (focus emulation): a second page or tab, a minimised window
    /// (Browser.setWindowBounds) and Target.activateTarget all leave document.hidden false, and CDP has no visibility
    /// override. So the browser's signal is emulated here: document.hidden is overridden on the document and a real
    /// visibilitychange event dispatched. What is tested is the page's answer: the message, and that no pose is
    /// estimated while hidden even though the camera keeps delivering frames, then counting resumes.
    /// </summary>
    [Fact]
    public async Task BackgroundTabPausesEstimationAndComingBackResumesIt()
    {
        using var camera = await FakeCamera.FromFixtureAsync("squat_studio_pexels4838220.mp4");
        await using var chromium = await ChromiumSession.LaunchAsync(camera.ChromiumArgs);
        var page = await BrowserPages.SignedInPageAsync(chromium, app.BaseAddress, "background");
        var errors = CollectPageErrors(page);
        await StartSquatsAsync(page);
        await page.WaitForFunctionAsync(InferencesAtLeast(3), null, new() { Timeout = 180_000 });

        await SetHiddenAsync(page, hidden: true);
        var status = page.Locator("#workout-status");
        await ExpectStatusAsync(status, PausedMessage, "warning");
        // An estimate already under way may still finish; after that none starts while 30 more camera frames arrive.
        var whenHidden = await InferencesAsync(page) + 1;
        await page.EvaluateAsync(
            "n => new Promise(resolve => { const v = document.getElementById('workout-video'); const step = () => " +
            "--n <= 0 ? resolve() : v.requestVideoFrameCallback(step); v.requestVideoFrameCallback(step); })",
            30);
        var afterFrames = await InferencesAsync(page);
        Assert.True(afterFrames <= whenHidden, $"{afterFrames} estimates after hiding, at most {whenHidden} expected");

        await SetHiddenAsync(page, hidden: false);
        await ExpectStatusAsync(status, "Counting again.", "success");
        await page.WaitForFunctionAsync(InferencesAtLeast(whenHidden + 3), null, new() { Timeout = 120_000 });
        Assert.Empty(errors);
    }

    private async Task<IPage> WorkoutPageAsync(ChromiumSession chromium, string emailPrefix)
    {
        var page = await BrowserPages.SignedInPageAsync(chromium, app.BaseAddress, emailPrefix);
        await page.GotoAsync("/Workout");
        return page;
    }

    private async Task StartSquatsAsync(IPage page)
    {
        await page.GotoAsync("/Workout");
        await page.SelectOptionAsync("#workout-exercise", "squat");
        await page.ClickAsync("#workout-start");
        await Expect(page.Locator("#workout-status")).ToHaveTextAsync(
            "Counting: start whenever you are ready.", new() { Timeout = 180_000 });
    }

    private static List<string> CollectPageErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        return errors;
    }

    private static async Task<string?> StoredSessionIdAsync(IPage page)
    {
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('posegen.workout.session')");
        Assert.NotNull(stored);
        using var json = JsonDocument.Parse(stored);
        return json.RootElement.GetProperty("id").GetString();
    }

    private const string Inferences = "() => Number(document.getElementById('fps').dataset.inferences ?? 0)";

    private static string InferencesAtLeast(int n) => $"() => ({Inferences})() >= {n}";

    private static Task<int> InferencesAsync(IPage page) => page.EvaluateAsync<int>(Inferences);

    /// <summary>
    /// The status line shows <paramref name="text"/> as a Bootstrap alert of <paramref name="kind"/> (danger, warning,
    /// success).
    /// </summary>
    private static async Task ExpectStatusAsync(ILocator status, string text, string kind)
    {
        await Expect(status).ToHaveTextAsync(text);
        await Expect(status).ToHaveClassAsync(new Regex($@"\balert-{kind}\b"));
    }

    private static Task SetHiddenAsync(IPage page, bool hidden) => page.EvaluateAsync(
        """
        hidden => {
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
          Object.defineProperty(document, 'visibilityState', {
            configurable: true, get: () => (hidden ? 'hidden' : 'visible'),
          });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """, hidden);
}
