using System.ComponentModel;
using System.Diagnostics;
using PoseGen.Core.Errors;

namespace PoseGen.Inference.Video;

internal static class FfmpegProcess
{
    /// <summary>Starts ffmpeg or ffprobe; a missing executable is <see cref="VideoErrorKind.ToolsMissing"/>, not a
    /// crash.</summary>
    internal static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (Win32Exception ex)
        {
            throw new VideoDecodeException(VideoErrorKind.ToolsMissing,
                "Video analysis is not available on this server right now (its video tools are not installed). "
                + "Photos and the live workout page still work.", ex);
        }
    }
}
