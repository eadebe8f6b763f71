namespace PoseGen.Core.Errors;

/// <summary>
/// An expected failure caused by the uploaded file; <see cref="Exception.Message"/> is safe to show the user.
/// </summary>
public sealed class VideoDecodeException(VideoErrorKind kind, string message, Exception? inner = null) : Exception(
    message, inner)
{
    public VideoErrorKind Kind { get; } = kind;
}
