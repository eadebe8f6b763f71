using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Errors;
using PoseGen.Core.Imaging;

namespace PoseGen.Inference.Video;

/// <summary>
/// Decodes a video file into RGB frames at <see cref="VideoOptions.FramesPerSecond"/> with an ffmpeg child process
/// (raw rgb24 on stdout). Frame i is at i / fps seconds: ffmpeg's fps filter resamples to that grid.
/// </summary>
public sealed class FfmpegFrameSource(IOptions<VideoOptions> options) : IVideoFrameSource
{
    private readonly VideoOptions _settings = options.Value;

    public double FramesPerSecond => _settings.FramesPerSecond;

    public VideoLimits Limits => new(_settings.MaxBytes, _settings.MaxDurationSeconds);

    /// <summary>Size and duration of the file's video, checked against the limits.</summary>
    public async Task<VideoInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > _settings.MaxBytes)
            throw new VideoDecodeException(VideoErrorKind.TooLarge,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The video is larger than the limit of {_settings.MaxBytes / (1024.0 * 1024):0.#} MiB."));
        var info = await VideoProbe.ReadAsync(_settings.Ffprobe, path, TimeSpan.FromSeconds(_settings.MaxProbeSeconds),
            cancellationToken);
        if (info.DurationSeconds > _settings.MaxDurationSeconds)
            throw new VideoDecodeException(VideoErrorKind.TooLong,
                $"The video is {info.DurationSeconds:F0} s long; the limit is {_settings.MaxDurationSeconds:F0} s.");
        return info;
    }

    /// <summary>ffmpeg's version ("5.1.6-0+deb12u1"), or null when ffmpeg cannot be started or fails.</summary>
    public async Task<string?> VersionAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_settings.Ffmpeg) { RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-version");
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var first = await process.StandardOutput.ReadLineAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            // "ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers"
            var words = (first ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return process.ExitCode == 0 && words.Length >= 3 && words[1] == "version" ? words[2] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private async Task<int> ReadOrTimeOutAsync(Stream stdout, byte[] pixels, CancellationToken timeout,
        CancellationToken cancellationToken)
    {
        try
        {
            return await stdout.ReadAtLeastAsync(pixels, pixels.Length, throwOnEndOfStream: false, timeout);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VideoDecodeException(VideoErrorKind.TooLong, string.Create(CultureInfo.InvariantCulture,
                $"The video could not be analysed within {_settings.MaxAnalysisSeconds / 60:0.#} minutes; try a " +
                $"shorter or smaller clip."));
        }
    }

    /// <summary>
    /// The frame size after scaling the longest side down to <see cref="VideoOptions.MaxSide"/>, both sides even.
    /// </summary>
    public (int Width, int Height) OutputSize(VideoInfo info)
    {
        var scale = Math.Min(1.0, (double)_settings.MaxSide / Math.Max(info.Width, info.Height));
        static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);
        return (Even(info.Width * scale), Even(info.Height * scale));
    }

    public async IAsyncEnumerable<VideoFrame> ReadFramesAsync(string path, VideoInfo info,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (width, height) = OutputSize(info);
        var fps = _settings.FramesPerSecond.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(_settings.Ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-v", "error", "-nostdin", .. VideoProbe.InputRestrictions, "-i", path, "-an",
            "-vf", $"fps={fps},scale={width}:{height}",
                     "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
            start.ArgumentList.Add(arg);
        // The duration in the header may be missing (a stream saved without an index reads as 0 s) or wrong: the
        // decoded frames are what count against the limit, and the whole run has a wall-clock limit.
        var maxFrames = (int)Math.Floor(_settings.MaxDurationSeconds * _settings.FramesPerSecond) + 1;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_settings.MaxAnalysisSeconds));
        using var process = FfmpegProcess.Start(start);
        // Drained concurrently so a chatty stderr cannot fill its pipe and stall the frames on stdout.
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.BaseStream;
        var frameBytes = width * height * 3;
        var index = 0;
        try
        {
            while (true)
            {
                var pixels = new byte[frameBytes];
                var read = await ReadOrTimeOutAsync(stdout, pixels, timeout.Token, cancellationToken);
                if (read < frameBytes)
                    break;
                if (index == maxFrames)
                    throw new VideoDecodeException(VideoErrorKind.TooLong,
                        string.Create(CultureInfo.InvariantCulture,
                            $"The video is longer than the limit of {_settings.MaxDurationSeconds:F0} s."));
                yield return new VideoFrame(index, index / _settings.FramesPerSecond,
                    new RgbImage(width, height, pixels));
                index++;
            }
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        await stderr;
        if (process.ExitCode != 0 || index == 0)
            throw new VideoDecodeException(VideoErrorKind.Corrupt,
                index == 0 ? "No frame of the video could be decoded." : "The video is damaged part-way through.");
    }
}
