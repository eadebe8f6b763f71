using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// A squat session on the Workout page with Chromium's fake camera playing the squat fixture clip: MoveNet runs in the
/// page (onnxruntime-web, cross-origin isolated for WASM threads), keypoints go over SignalR, and the server's counter
/// sends the counts back. The clip loops, so the test asks for at least one counted rep, not an exact number.
/// </summary>
public sealed class WorkoutPageBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    private const string Password = "Pose-Gen-2026!";

    [Fact]
    public async Task FakeCameraSquatsAreCountedByTheServerAndSavedToHistory()
    {
        using var camera = await FakeCamera.FromFixtureAsync("squat_studio_pexels4838220.mp4");
        await using var chromium = await ChromiumSession.LaunchAsync(camera.ChromiumArgs);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var hubMessages = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Text?.Contains("goodReps", StringComparison.Ordinal) == true) Interlocked.Increment(ref hubMessages);
        };

        await page.GotoAsync("/Account/Register");
        await page.FillAsync("input[name='Email']", $"workout-{Guid.NewGuid():N}@example.test");
        await page.FillAsync("input[name='Password']", Password);
        await page.FillAsync("input[name='ConfirmPassword']", Password);
        await page.ClickAsync("form[action='/Account/Register'] [type='submit']");
        await Expect(page.Locator("#profile-form")).ToBeVisibleAsync();

        await page.ClickAsync("nav a[href='/Workout']");
        Assert.True(await page.EvaluateAsync<bool>("() => self.crossOriginIsolated"));
        await page.SelectOptionAsync("#workout-exercise", "squat");
        await page.ClickAsync("#workout-start");

        // In-browser inference runs: frames are estimated, with WASM threads available.
        await page.WaitForFunctionAsync("() => Number(document.getElementById('fps').dataset.inferences ?? 0) >= 10",
            null, new() { Timeout = 180_000 });
        await Expect(page.Locator("#backend")).ToContainTextAsync("thread");
        // The server counts: reps (good or improper) arrive in the hub's answers.
        await page.WaitForFunctionAsync(
            "() => Number(document.getElementById('good-reps').textContent) + Number(document.getElementById('improper-reps').textContent) >= 1",
            null, new() { Timeout = 240_000, PollingInterval = 500 });
        Assert.True(Volatile.Read(ref hubMessages) > 0);
        Assert.True(int.Parse(await page.Locator("#workout-counts").GetAttributeAsync("data-frames") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 10);

        await page.ClickAsync("#workout-stop");
        await Expect(page.Locator("#workout-saved")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var good = await page.Locator("#good-reps").TextContentAsync();
        var improper = await page.Locator("#improper-reps").TextContentAsync();

        await page.GotoAsync("/History");
        await page.ClickAsync("#history-list a:has-text('Squat live')");
        var facts = page.Locator("#history-facts");
        await Expect(facts).ToContainTextAsync("squat");
        await Expect(facts.Locator("dt:has-text('Good reps') + dd")).ToHaveTextAsync(good!);
        await Expect(facts.Locator("dt:has-text('Improper reps') + dd")).ToHaveTextAsync(improper!);
    }
}
