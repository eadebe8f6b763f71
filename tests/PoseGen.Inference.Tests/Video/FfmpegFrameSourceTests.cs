using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Errors;
using PoseGen.Inference.Tests.Support;
using PoseGen.Inference.Video;

namespace PoseGen.Inference.Tests.Video;

public sealed class FfmpegFrameSourceTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("posegen-video-").FullName;

    private static string Clip(string name) => Path.Combine(TestHost.FixturesDir, "videos", name);

    private static FfmpegFrameSource Source(Action<VideoOptions>? configure = null)
    {
        var options = new VideoOptions();
        configure?.Invoke(options);
        return new FfmpegFrameSource(Options.Create(options));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task ProbesAPortraitClipsSizeAndDuration()
    {
        var info = await Source().ProbeAsync(Clip("squat_studio_pexels4838220.mp4"), CancellationToken.None);

        Assert.Equal(new VideoInfo(720, 1280, 13.0), info);
    }

    [Fact]
    public async Task DecodesFramesAtTheConfiguredRateScaledToTheLongestSide()
    {
        var source = Source(o => { o.FramesPerSecond = 4; o.MaxSide = 320; });
        var path = Clip("pushup_outdoor_side.mp4");
        var info = await source.ProbeAsync(path, CancellationToken.None);

        var frames = new List<VideoFrame>();
        await foreach (var frame in source.ReadFramesAsync(path, info, CancellationToken.None))
            frames.Add(frame);

        // 15.72 s at 4 frames per second; 1280x720 scaled to 320 wide keeps 16:9.
        Assert.InRange(frames.Count, 62, 64);
        Assert.All(frames, f => Assert.Equal((320, 180), (f.Image.Width, f.Image.Height)));
        Assert.Equal(0.25, frames[1].TimeSeconds - frames[0].TimeSeconds, 6);
        Assert.Contains(frames[10].Image.Pixels, b => b != 0);
    }

    [Fact]
    public async Task RejectsAFileThatIsNotAVideo()
    {
        var path = Path.Combine(_scratch, "notes.mp4");
        await File.WriteAllTextAsync(path, "this is not a video at all");

        var error = await Assert.ThrowsAsync<VideoDecodeException>(() =>
            Source().ProbeAsync(path, CancellationToken.None));

        Assert.Equal(VideoErrorKind.NotAVideo, error.Kind);
    }

    [Fact]
    public async Task RejectsAClipLongerThanTheLimit()
    {
        var error = await Assert.ThrowsAsync<VideoDecodeException>(() =>
            Source(o => o.MaxDurationSeconds = 10).ProbeAsync(Clip("squat_studio_pexels4838220.mp4"),
                CancellationToken.None));

        Assert.Equal(VideoErrorKind.TooLong, error.Kind);
    }

    [Fact]
    public async Task RejectsAFileLargerThanTheLimit()
    {
        var error = await Assert.ThrowsAsync<VideoDecodeException>(() =>
            Source(o => o.MaxBytes = 1000).ProbeAsync(Clip("squat_studio_pexels4838220.mp4"), CancellationToken.None));

        Assert.Equal(VideoErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public async Task ReportsATruncatedFileAsUnreadable()
    {
        // The first 40 kB of a 15 s clip: depending on where the index (moov) sits, ffprobe refuses it or ffmpeg fails.
        var bytes = await File.ReadAllBytesAsync(Clip("pushup_outdoor_side.mp4"));
        var path = Path.Combine(_scratch, "cut.mp4");
        await File.WriteAllBytesAsync(path, bytes[..40_000]);
        var source = Source();

        var error = await Assert.ThrowsAsync<VideoDecodeException>(async () =>
        {
            var info = await source.ProbeAsync(path, CancellationToken.None);
            await foreach (var _ in source.ReadFramesAsync(path, info, CancellationToken.None))
            {
            }
        });

        Assert.Contains(error.Kind, new[] { VideoErrorKind.NotAVideo, VideoErrorKind.Corrupt });
    }
}
