namespace PoseGen.Core.Errors;

/// <summary>Why a video could not be decoded: the caller maps these to 415 (not a video), 422 (unreadable or over a
/// limit), 413 (too large) and 503 (<see cref="ToolsMissing"/>: ffmpeg or ffprobe is not installed on the
/// server).</summary>
public enum VideoErrorKind { NotAVideo, Corrupt, TooLong, TooLarge, ToolsMissing }
