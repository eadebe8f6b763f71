using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PoseGen.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PoseGen.Web.Tests.Browser;

/// <summary>
/// A squat session on the Workout page with Chromium's fake camera playing the squat fixture clip: MoveNet runs in the
/// page (onnxruntime-web, cross-origin isolated for WASM threads), keypoints go over SignalR, and the server's counter
/// sends the counts back. The clip loops, so the test checks the first counted rep (good), not a total.
/// </summary>
public sealed class WorkoutPageBrowserTests(LiveServer app) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task FakeCameraSquatsAreCountedByTheServerAndSavedToHistory()
    {
        using var camera = await FakeCamera.FromFixtureAsync("squat_studio_pexels4838220.mp4");
        await using var chromium = await ChromiumSession.LaunchAsync(camera.ChromiumArgs);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        var hubMessages = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Text?.Contains("goodReps", StringComparison.Ordinal) == true) Interlocked.Increment(
                ref hubMessages);
        };

        await BrowserPages.RegisterAsync(page, "workout");

        await page.ClickAsync("nav a[href='/Workout']");
        // Wait for the Workout page itself: under load the check could otherwise run on the page being left.
        await page.WaitForURLAsync("**/Workout");
        await Expect(page.Locator("#workout-start")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => self.crossOriginIsolated"),
            "the page is not cross-origin isolated");
        await page.SelectOptionAsync("#workout-exercise", "squat");
        // Three sets of one rep with half a minute's rest: the first good rep ends the first set.
        await page.FillAsync("#plan-reps", "1");
        await page.FillAsync("#plan-rest", "30");
        await page.ClickAsync("#workout-start");

        // In-browser inference runs: frames are estimated, with WASM threads available.
        await page.WaitForFunctionAsync("() => Number(document.getElementById('fps').dataset.inferences ?? 0) >= 10",
            null, new() { Timeout = 180_000 });
        await Expect(page.Locator("#backend")).ToContainTextAsync("thread");
        // The server counts: the clip's first squat arrives in the hub's answers as a good rep, with none improper.
        await page.WaitForFunctionAsync(
            "() => Number(document.getElementById('good-reps').textContent) + " +
            "Number(document.getElementById('improper-reps').textContent) >= 1",
            null, new() { Timeout = 240_000, PollingInterval = 500 });
        await Expect(page.Locator("#good-reps")).ToHaveTextAsync("1");
        await Expect(page.Locator("#improper-reps")).ToHaveTextAsync("0");
        // The count is also shown large over the video.
        await Expect(page.Locator("#big-count")).ToHaveTextAsync("1");
        // ... which starts the rest between sets: a countdown over the video, and the next set named.
        await Expect(page.Locator("#rest-timer")).ToContainTextAsync("Rest 0:");
        await Expect(page.Locator("#set-progress")).ToContainTextAsync("of 3");
        // The hub's answers came over its WebSocket. Playwright reports socket frames on a channel of their own, which
        // under load can lag behind what the page already shows, so wait for them (answers keep coming while it runs).
        for (var waited = 0; Volatile.Read(ref hubMessages) == 0 && waited < 30_000; waited += 100)
        {
            await Task.Delay(100);
        }
        Assert.True(Volatile.Read(ref hubMessages) > 0, "no hub answer with goodReps arrived over a WebSocket");
        var serverFrames = int.Parse(await page.Locator("#workout-counts").GetAttributeAsync("data-frames") ?? "0",
            CultureInfo.InvariantCulture);
        Assert.True(serverFrames >= 10, $"the server saw {serverFrames} frames");

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
        // The live session's 10 fps keypoint timeline replays on the detail page.
        await Expect(page.Locator("#replay-player")).ToBeVisibleAsync();
        var replayFrames = int.Parse(await page.Locator("#replay-player").GetAttributeAsync("data-frames") ?? "0",
            CultureInfo.InvariantCulture);
        Assert.True(replayFrames >= 10, $"the replay holds {replayFrames} frames");
        await Expect(page.Locator("#replay-skeleton circle.keypoint")).ToHaveCountAsync(17);
    }

    /// <summary>
    /// "Try it" on a library pose's page opens live practice of that very pose. Under the fake camera (the
    /// squat clip, whose person stands upright between squats) the page draws the pose as a ghost where the person is,
    /// shows the live match, runs the hold timer while the match holds, and saves the practice to History.
    /// </summary>
    [Fact]
    public async Task TryItOnAPoseOpensLivePracticeWithTheGhostTheMatchAndTheHoldTimer()
    {
        using var camera = await FakeCamera.FromFixtureAsync("squat_studio_pexels4838220.mp4");
        await using var chromium = await ChromiumSession.LaunchAsync(camera.ChromiumArgs);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserPages.RegisterAsync(page, "practice");

        await page.GotoAsync("/Recommendations/Pose/mountain");
        await page.ClickAsync("a:has-text('Try it: hold the pose')");
        await Expect(page.Locator("#workout-exercise")).ToHaveValueAsync("practice");
        await Expect(page.Locator("#practice-pose")).ToHaveValueAsync("mountain");
        await Expect(page.Locator("#practice-target")).ToHaveAttributeAsync("src",
            new Regex("/api/v1/poses/library/mountain/mannequin.svg"));
        await page.ClickAsync("#workout-start");

        await page.WaitForFunctionAsync("() => (document.getElementById('practice-score').dataset.score ?? '') !== ''",
            null, new() { Timeout = 240_000, PollingInterval = 500 });
        await page.WaitForFunctionAsync("() => document.getElementById('workout-overlay').dataset.ghost === 'drawn'",
            null, new() { Timeout = 30_000, PollingInterval = 250 });
        await page.WaitForFunctionAsync("() => Number(document.getElementById('practice-held').textContent) >= 1",
            null, new() { Timeout = 120_000, PollingInterval = 500 });
        var best = double.Parse(await page.Locator("#practice-best").TextContentAsync() ?? "0",
            CultureInfo.InvariantCulture);
        Assert.InRange(best, 80, 100);

        await page.ClickAsync("#workout-stop");
        await Expect(page.Locator("#workout-saved")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GotoAsync("/History");
        await Expect(page.Locator("#history-list")).ToContainTextAsync("Mountain");
        await Expect(page.Locator("#history-list")).ToContainTextAsync("pose practice");
    }

    /// <summary>
    /// The squat clip uploaded through the page's form: the server's analysis counts its 2 complete squats, both good
    /// (as VideoWorkoutAnalyzerTests assert), the page charts the signal, and the History detail replays the
    /// saved keypoint timeline. A text file named .mp4 is refused with the 415 message first.
    /// </summary>
    [Fact]
    public async Task UploadedSquatClipShowsTwoRepsWithAChartAndReplaysInHistory()
    {
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await BrowserPages.RegisterAsync(page, "workout");
        await page.GotoAsync("/Workout");
        Assert.Equal(".mp4,.webm,.mov,video/mp4,video/webm,video/quicktime",
            await page.Locator("#video-input").GetAttributeAsync("accept"));
        Assert.Equal(60L * 1024 * 1024, long.Parse(await page.Locator("#video-form").GetAttributeAsync("data-max-bytes")
            ?? "0", CultureInfo.InvariantCulture));

        await page.SetInputFilesAsync("#video-input", new FilePayload { Name = "notes.mp4", MimeType = "video/mp4",
            Buffer = "not a video"u8.ToArray() });
        await page.ClickAsync("#video-submit");
        await Expect(page.Locator("#video-status")).ToContainTextAsync("not a video the server can read");
        Assert.True(await page.Locator("#video-result").IsHiddenAsync());

        await page.SetInputFilesAsync("#video-input", RepoPaths.Fixture("videos", "squat_studio_pexels4838220.mp4"));
        await page.SelectOptionAsync("#video-exercise", "squat");
        await page.ClickAsync("#video-submit");
        await Expect(page.Locator("#video-result")).ToBeVisibleAsync(new() { Timeout = 240_000 });

        var good = int.Parse(await page.Locator("#video-reps").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        var improper = int.Parse(await page.Locator("#video-improper").TextContentAsync() ?? "",
            CultureInfo.InvariantCulture);
        Assert.Equal((2, 0), (good, improper));
        await Expect(page.Locator("#video-rep-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#video-rep-list li:has-text('improper')")).ToHaveCountAsync(0);
        await Expect(page.Locator("#video-duration")).ToHaveTextAsync("13.0 s");
        // Every rep explains itself; the third descent, cut off by the end of the clip, is listed as not counted.
        await Expect(page.Locator("#video-rep-list li").First).ToContainTextAsync("Good rep: hip height at the bottom");
        await Expect(page.Locator("#video-uncounted-list li")).ToHaveTextAsync(
            [new Regex("Not counted: cut off by the end of the video")]);
        var chart = page.Locator("#video-chart");
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture) > 100);
        Assert.Equal("2", await chart.GetAttributeAsync("data-reps"));
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 });
        // Chart.js drew something: the canvas has non-transparent pixels.
        Assert.True(await chart.EvaluateAsync<bool>(
            "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)"));

        await BrowserPages.ScreenshotAsync(page, "workout-video.png");

        await page.ClickAsync("#video-history");
        var player = page.Locator("#replay-player");
        await Expect(player).ToBeVisibleAsync();
        Assert.True(int.Parse(await player.GetAttributeAsync("data-frames") ?? "0", CultureInfo.InvariantCulture) > 50);
        await Expect(page.Locator("#replay-skeleton circle.keypoint")).ToHaveCountAsync(17);
        await page.ClickAsync("#replay-toggle");
        await page.WaitForFunctionAsync("() => Number(document.getElementById('replay-player').dataset.frame) >= 3");
        await page.ClickAsync("#replay-toggle");
        await Expect(player).ToHaveAttributeAsync("data-playing", "false");
        // The cycles are marked: jumping to the second rep shows its explanation under the skeleton.
        await Expect(page.Locator("#replay-cycles li")).ToHaveCountAsync(3);
        await page.ClickAsync("#replay-cycles li:nth-child(2) button");
        await Expect(player).ToHaveAttributeAsync("data-cycle", "1");
        await Expect(page.Locator("#replay-caption")).ToContainTextAsync("Good rep: hip height at the bottom");
        await BrowserPages.ScreenshotAsync(page, "history-replay.png");
    }

    /// <summary>
    /// The jumping jacks with the feet cropped out of the picture, uploaded as jumping jacks: the exercise cannot be
    /// read without the ankles, so the page shows the ten reps counted from the whole-body movement, none of them good,
    /// and says why and what to do.
    /// </summary>
    [Fact]
    public async Task AClipWithoutTheFeetShowsItsRepsAsCountedFromTheWholeBodyWithFormNotChecked()
    {
        var folder = Directory.CreateTempSubdirectory("posegen-nofeet-");
        try
        {
            var clip = Path.Combine(folder.FullName, "jumping-jacks-no-feet.mp4");
            using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg")
            {
                ArgumentList = { "-v", "error", "-nostdin", "-i", RepoPaths.Fixture("videos",
                    "jumpingjack_home_indepstudy.mp4"), "-an", "-vf", "crop=iw:ih*4/5:0:0", clip },
                RedirectStandardError = true,
            })!)
            {
                await ffmpeg.WaitForExitAsync();
                Assert.Equal(0, ffmpeg.ExitCode);
            }
            await using var chromium = await ChromiumSession.LaunchAsync();
            var page = await chromium.NewPageAsync(app.BaseAddress);
            await BrowserPages.RegisterAsync(page, "nofeet");
            await page.GotoAsync("/Workout");

            await page.SetInputFilesAsync("#video-input", clip);
            await page.SelectOptionAsync("#video-exercise", "jumping-jack");
            await page.ClickAsync("#video-submit");
            await Expect(page.Locator("#video-result")).ToBeVisibleAsync(new() { Timeout = 240_000 });

            await Expect(page.Locator("#video-reps")).ToHaveTextAsync("0");
            await Expect(page.Locator("#video-improper")).ToHaveTextAsync("10");
            await Expect(page.Locator("#video-rep-list li:has-text('form not checked')")).ToHaveCountAsync(10);
            await Expect(page.Locator("#video-crosscheck")).ToBeVisibleAsync();
            await Expect(page.Locator("#video-crosscheck")).ToContainTextAsync(
                "The jumping jack could not be read from this camera angle");
            await Expect(page.Locator("#video-chart")).ToHaveAttributeAsync("data-reps", "10");
            await BrowserPages.ScreenshotAsync(page, "workout-video-unchecked.png");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
