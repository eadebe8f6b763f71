using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Workouts;
using PoseGen.Inference.Tests.Support;
using PoseGen.Inference.Video;
using Xunit.Abstractions;

namespace PoseGen.Inference.Tests.Video;

/// <summary>The acceptance counts: complete reps in the fixture clips, as labelled in videos/labels.json.</summary>
public sealed class VideoWorkoutAnalyzerTests(ModelFixture models,
    ITestOutputHelper output) : IClassFixture<ModelFixture>
{
    private VideoWorkoutAnalyzer Analyzer => models.Services.GetRequiredService<VideoWorkoutAnalyzer>();

    private static string Clip(string name) => Path.Combine(TestHost.FixturesDir, "videos", name);

    private async Task<VideoWorkoutResult> Analyze(string clip, string exercise, PoseModelKind model)
    {
        var result = await Analyzer.AnalyzeAsync(Clip(clip), ExerciseCatalog.Default.Get(exercise), model, null,
            CancellationToken.None);
        output.WriteLine($"{clip} {model}: {result.Reps} good, {result.ImproperReps} improper; "
            + string.Join("; ",
                result.RepDetails.Select(r =>
                    $"{r.StartS}-{r.PeakS}-{r.EndS} q{r.Quality} [{string.Join(",", r.Issues)}]")));
        return result;
    }

    // Lightning, the model the analysis uses: thunder found the same squats but missed the first push-up (its signal
    // only reached the start pose for the settle time after the title overlay had gone, once the first rep had begun).
    [Fact]
    public async Task CountsTwoCompleteSquatsAndNotTheCutOffThird()
    {
        var result = await Analyze("squat_studio_pexels4838220.mp4", "squat", PoseModelKind.Lightning);

        Assert.Equal((2, 0), (result.Reps, result.ImproperReps));
        Assert.Equal(13.0, result.DurationS, 1);
        AssertPeaksNear([2.0, 6.8], result);
    }

    [Fact]
    public async Task CountsFourPushUpsSeenFromTheSide()
    {
        var result = await Analyze("pushup_outdoor_side.mp4", "push-up", PoseModelKind.Lightning);

        Assert.Equal((4, 0), (result.Reps, result.ImproperReps));
        AssertPeaksNear([3.6, 7.3, 10.8, 13.6], result);
    }

    [Fact]
    public async Task ReturnsASignalPointPerFrameAndATimelineAtFiveFramesPerSecond()
    {
        var result = await Analyze("squat_studio_pexels4838220.mp4", "squat", PoseModelKind.Lightning);

        // 13 s at the default 10 frames per second.
        Assert.InRange(result.Signal.TimesS.Count, 128, 131);
        Assert.Equal(result.Signal.TimesS.Count, result.Signal.Values.Count);
        Assert.Equal(5, result.Timeline.FramesPerSecond);
        Assert.InRange(result.Timeline.Frames.Count, 64, 66);
        Assert.All(result.Timeline.Frames.Where(f => f.Points.Length > 0), f => Assert.Equal(17 * 3, f.Points.Length));
        Assert.All(result.Timeline.Frames.SelectMany(f => f.Points), v => Assert.InRange(v, -0.1f, 1.1f));
    }

    /// <summary>
    /// The gym squats with someone else in the picture (the dance clip, small, in the top corner, as in a gym): the
    /// analysis follows the person squatting from frame to frame, so at the squat bottoms, where lightning sees the
    /// squatter's joints only faintly in the whole frame, it does not jump to the clearer dancer. Before it did, and
    /// counted 8 of the 9 squats.
    /// </summary>
    [Fact]
    public async Task ABystanderDoesNotTakeOverTheCount()
    {
        var folder = Directory.CreateTempSubdirectory("posegen-bystander-");
        try
        {
            var clip = Path.Combine(folder.FullName, "bystander.mp4");
            await FfmpegAsync("-i", Clip("squat_vaidansh-gym-front.mp4"), "-stream_loop", "-1", "-i",
                Clip("negative_dance_tiktok_otabek.mp4"), "-filter_complex",
                "[1:v]scale=-2:288[b];[0:v][b]overlay=W-w-20:20:shortest=1", "-an", clip);

            var result = await Analyzer.AnalyzeAsync(clip, ExerciseCatalog.Default.Get("squat"),
                PoseModelKind.Lightning, null, CancellationToken.None);

            output.WriteLine($"{result.Reps} good, {result.ImproperReps} improper; peaks "
                + string.Join(" ", result.RepDetails.Select(r => r.PeakS)));
            Assert.Equal(9, result.Reps + result.ImproperReps);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The side push-ups with the picture shrunk to a third inside a frame of the same size (someone filming from
    /// further away): the whole frame gives lightning too few pixels of a person lying down, and it found no trunk in
    /// any frame, so nothing was counted. Now multipose locates the person, lightning looks again on the crop around
    /// them and then follows them: the four push-ups are counted.
    /// </summary>
    [Fact]
    public async Task APersonSmallInThePictureIsLocatedAndFollowed()
    {
        var folder = Directory.CreateTempSubdirectory("posegen-small-");
        try
        {
            var clip = Path.Combine(folder.FullName, "small.mp4");
            await FfmpegAsync("-i", Clip("pushup_outdoor_side.mp4"), "-an", "-vf",
                "scale=trunc(iw/6)*2:trunc(ih/6)*2,pad=iw*3:ih*3:(ow-iw)/2:(oh-ih)/2", clip);

            var result = await Analyzer.AnalyzeAsync(clip, ExerciseCatalog.Default.Get("push-up"),
                PoseModelKind.Lightning, null, CancellationToken.None);

            output.WriteLine($"{result.Reps} good, {result.ImproperReps} improper");
            Assert.Equal(4, result.Reps + result.ImproperReps);
            Assert.All(result.RepDetails, r => Assert.DoesNotContain(VideoWorkoutAnalyzer.UncheckedIssue, r.Issues));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task FfmpegAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in (string[])["-v", "error", "-nostdin", "-y", .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
    }

    /// <summary>
    /// The jumping-jack clip stored sideways (turned a quarter clockwise, as a clip that lost its rotation metadata):
    /// MoveNet finds the lying person in few frames and no jumping jack can be read, so the analysis tries the quarter
    /// turn MoveNet scores higher, counts the ten jumping jacks with their form checked, and keeps the turned (upright)
    /// size for the replay. Before, it counted nothing.
    /// </summary>
    [Fact]
    public async Task TurnsAClipStoredSidewaysAndCountsItsJumpingJacks()
    {
        var folder = Directory.CreateTempSubdirectory("posegen-sideways-");
        try
        {
            var clip = Path.Combine(folder.FullName, "sideways.mp4");
            await FfmpegAsync("-i", Clip("jumpingjack_home_indepstudy.mp4"), "-an", "-vf", "transpose=1", clip);

            var reports = new List<AnalysisProgress>();
            var result = await Analyzer.AnalyzeAsync(clip, ExerciseCatalog.Default.Get("jumping-jack"),
                PoseModelKind.Lightning, new Recorder(reports), CancellationToken.None);

            output.WriteLine($"{result.Reps} good, {result.ImproperReps} improper");
            // Progress: the pass as stored to its end, then the turned pass from the start again, named as such.
            var turnedFrom = reports.FindIndex(r => r.Stage == AnalysisProgress.Turned);
            Assert.True(turnedFrom > 0, "no progress reported for the turned pass");
            Assert.Equal(new AnalysisProgress(1, AnalysisProgress.Reading), reports[turnedFrom - 1]);
            Assert.All(reports[..turnedFrom], r => Assert.Equal(AnalysisProgress.Reading, r.Stage));
            var turned = reports[turnedFrom..];
            Assert.All(turned, r => Assert.Equal(AnalysisProgress.Turned, r.Stage));
            Assert.InRange(turned[0].Fraction, 0, 0.1);
            Assert.InRange(turned[^1].Fraction, 0.9, 1);
            Assert.Equal(turned.Select(r => r.Fraction).Order(), turned.Select(r => r.Fraction));
            Assert.Equal(10, result.Reps + result.ImproperReps);
            Assert.All(result.RepDetails, r => Assert.DoesNotContain(VideoWorkoutAnalyzer.UncheckedIssue, r.Issues));
            Assert.True(result.Timeline.Width > result.Timeline.Height,
                $"timeline {result.Timeline.Width}x{result.Timeline.Height}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Keeps every report, in order, on the reporting thread (Progress&lt;T&gt; would post them).</summary>
    private sealed class Recorder(List<AnalysisProgress> reports) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => reports.Add(value);
    }

    /// <summary>
    /// Bottoms labelled by eye are +-0.3 s; the counter's peak is the middle of the frames at the extreme.
    /// </summary>
    private static void AssertPeaksNear(double[] labelled, VideoWorkoutResult result) =>
        Assert.All(labelled.Zip(result.RepDetails), p => Assert.InRange(p.Second.PeakS, p.First - 0.5, p.First + 0.5));
}
