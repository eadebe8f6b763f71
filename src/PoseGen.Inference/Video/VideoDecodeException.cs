namespace PoseGen.Inference.Video;

/// <summary>Why a video could not be decoded: the caller maps these to 415 (not a video), 422 (unreadable or over a
/// limit), 413 (too large) and 503 (<see cref="ToolsMissing"/>: ffmpeg or ffprobe is not installed on the server).</summary>
public enum VideoErrorKind { NotAVideo, Corrupt, TooLong, TooLarge, ToolsMissing }

/// <summary>An expected failure caused by the uploaded file; <see cref="Exception.Message"/> is safe to show the user.</summary>
public sealed class VideoDecodeException(VideoErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public VideoErrorKind Kind { get; } = kind;

    /// <summary>Starts ffmpeg or ffprobe; a missing executable is <see cref="VideoErrorKind.ToolsMissing"/>, not a crash.</summary>
    internal static System.Diagnostics.Process Start(System.Diagnostics.ProcessStartInfo start)
    {
        try
        {
            return System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new VideoDecodeException(VideoErrorKind.ToolsMissing,
                "Video analysis is not available on this server right now (its video tools are not installed). Photos and the live workout page still work.", ex);
        }
    }
}
