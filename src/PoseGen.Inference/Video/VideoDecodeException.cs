namespace PoseGen.Inference.Video;

/// <summary>Why a video could not be decoded: the caller maps these to 415 (not a video), 422 (unreadable or over a limit).</summary>
public enum VideoErrorKind { NotAVideo, Corrupt, TooLong, TooLarge }

/// <summary>An expected failure caused by the uploaded file; <see cref="Exception.Message"/> is safe to show the user.</summary>
public sealed class VideoDecodeException(VideoErrorKind kind, string message) : Exception(message)
{
    public VideoErrorKind Kind { get; } = kind;
}
