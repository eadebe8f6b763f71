using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Errors;

namespace PoseGen.Inference.Video;

/// <summary>Reads a file's first video stream with ffprobe.</summary>
internal static class VideoProbe
{
    /// <summary>
    /// Only local files are opened (no network or pipe protocols a crafted playlist could point at) and only the
    /// containers the product accepts (MP4/MOV and Matroska/WebM) are demuxed, for ffprobe and ffmpeg alike.
    /// </summary>
    internal static readonly string[] InputRestrictions = ["-protocol_whitelist", "file", "-format_whitelist",
        "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm"];

    public static async Task<VideoInfo> ReadAsync(string ffprobe, string path, TimeSpan limit,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-v", "error", .. InputRestrictions, "-select_streams", "v:0", "-show_entries",
                     "stream=width,height:stream_side_data=rotation:stream_tags=rotate:format=duration", "-of", "json",
                     path])
            start.ArgumentList.Add(arg);
        using var process = FfmpegProcess.Start(start);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VideoDecodeException(VideoErrorKind.Corrupt, "The video's header could not be read in time.");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        var json = await stdout;
        if (process.ExitCode != 0)
            throw new VideoDecodeException(VideoErrorKind.NotAVideo, "The file is not a video we can read.");
        _ = await stderr;
        return Parse(json) ?? throw new VideoDecodeException(VideoErrorKind.NotAVideo, "The file has no video stream.");
    }

    /// <summary>ffprobe's JSON; null when there is no video stream or no usable size.</summary>
    internal static VideoInfo? Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            return null;
        var stream = streams[0];
        if (!stream.TryGetProperty("width", out var w) || !stream.TryGetProperty("height", out var h))
            return null;
        var (width, height) = (w.GetInt32(), h.GetInt32());
        if (width <= 0 || height <= 0)
            return null;
        // Phones store portrait clips as landscape pixels plus a rotation (side data in new files, a tag in old ones);
        // ffmpeg applies it when decoding, so the frames come out with the sides swapped.
        var rotation = 0.0;
        if (stream.TryGetProperty("side_data_list", out var side))
            foreach (var item in side.EnumerateArray())
                if (item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                    rotation = r.GetDouble();
        if (stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var tag)
            && double.TryParse(tag.GetString(), CultureInfo.InvariantCulture, out var tagged))
            rotation = tagged;
        if (Math.Abs(rotation % 180) == 90)
            (width, height) = (height, width);
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        return new VideoInfo(width, height, duration);
    }
}
