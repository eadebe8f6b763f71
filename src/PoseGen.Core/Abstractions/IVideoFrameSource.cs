using PoseGen.Core.Imaging;

namespace PoseGen.Core.Abstractions;

/// <summary>
/// A video file as upright RGB frames sampled at <see cref="FramesPerSecond"/>: frame i is at i / fps seconds.
/// Files that are not a video, are damaged or break <see cref="Limits"/> throw
/// <see cref="Errors.VideoDecodeException"/>.
/// </summary>
public interface IVideoFrameSource
{
    double FramesPerSecond { get; }

    VideoLimits Limits { get; }

    /// <summary>Size and duration of the file's video, checked against the limits.</summary>
    Task<VideoInfo> ProbeAsync(string path, CancellationToken cancellationToken);

    /// <summary>The size the frames come out at (the long side scaled down to the configured maximum).</summary>
    (int Width, int Height) OutputSize(VideoInfo info);

    IAsyncEnumerable<VideoFrame> ReadFramesAsync(string path, VideoInfo info, CancellationToken cancellationToken);
}

/// <summary>A video stream's display size in pixels (after its rotation tag is applied) and its duration in
/// seconds.</summary>
public sealed record VideoInfo(int Width, int Height, double DurationSeconds);

/// <summary>One decoded frame: its time in seconds from the start of the clip and its upright RGB pixels.</summary>
public sealed record VideoFrame(int Index, double TimeSeconds, RgbImage Image);

/// <summary>What a clip may be: the largest file in bytes and the longest duration in seconds.</summary>
public sealed record VideoLimits(long MaxBytes, double MaxDurationSeconds);
