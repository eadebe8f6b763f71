using System.ComponentModel.DataAnnotations;

namespace PoseGen.Inference.Video;

/// <summary>Configuration section <c>Video</c>: how uploaded clips are sampled and what is accepted.</summary>
public sealed class VideoOptions
{
    public const string SectionName = "Video";

    /// <summary>
    /// Frames per second handed to the pose detector; reps last about a second, so 10 resolves each phase.
    /// </summary>
    [Range(1, 60)]
    public double FramesPerSecond { get; set; } = 10;

    /// <summary>
    /// Longest side of the decoded frames in pixels. MoveNet sees 192 or 256 px, so more only costs time.
    /// </summary>
    [Range(64, 4096)]
    public int MaxSide { get; set; } = 640;

    /// <summary>Longest accepted clip in seconds.</summary>
    [Range(1, 3600)]
    public double MaxDurationSeconds { get; set; } = 180;

    /// <summary>Largest accepted clip in bytes (default 60 MiB): below the 64 MiB request limit
    /// (Uploads:MaxRequestBytes) with room for the multipart framing, so an over-size clip gets this limit's message
    /// rather than the request's.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 60L * 1024 * 1024;

    /// <summary>
    /// Wall-clock limit of one clip's decoding and analysis in seconds; ffmpeg is killed when it runs out (a clip built
    /// to decode slowly cannot hold the worker). 3 minutes of video take about a minute on 2 cores (bench/RESULTS.md).
    /// </summary>
    [Range(1, 86400)]
    public double MaxAnalysisSeconds { get; set; } = 900;

    /// <summary>Wall-clock limit of reading a clip's header with ffprobe, in seconds.</summary>
    [Range(1, 600)]
    public double MaxProbeSeconds { get; set; } = 30;

    /// <summary>The ffmpeg and ffprobe executables: names looked up on PATH, or full paths.</summary>
    [Required]
    public string Ffmpeg { get; set; } = "ffmpeg";

    [Required]
    public string Ffprobe { get; set; } = "ffprobe";
}
