namespace PoseGen.Imaging;

/// <summary>Why encoded bytes were refused. Suggested HTTP mapping in comments.</summary>
public enum ImageErrorKind
{
    /// <summary>No bytes at all (400/422).</summary>
    Empty,

    /// <summary>Not one of JPEG, PNG, WebP, GIF, AVIF, or not recognised as an image (415).</summary>
    UnsupportedFormat,

    /// <summary>The header announces more pixels than <see cref="ImagingOptions.MaxPixels"/> (413).</summary>
    TooLarge,

    /// <summary>
    /// Recognised format, but the header or pixel data cannot be decoded, including truncated files (422).
    /// </summary>
    Corrupt,
}

/// <summary>
/// Encoded bytes (an upload or an SVG) could not become pixels. <see cref="Exception.Message"/> is PoseGen's own
/// sentence, safe to show the user who sent the bytes. <see cref="LibvipsMessage"/> is libvips' error text (through
/// NetVips) when libvips reported the failure, null when PoseGen refused the input before calling the decoder; it is
/// for logs, not responses. libvips keeps one error buffer per process, so under concurrent failures the text may also
/// carry a neighbouring request's message, or miss its own.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException(ImageErrorKind kind, string message, string? libvipsMessage = null)
        : base(message)
    {
        Kind = kind;
        LibvipsMessage = libvipsMessage;
    }

    public ImageDecodeException()
        : this(ImageErrorKind.Corrupt, "The image could not be decoded")
    {
    }

    public ImageDecodeException(string message)
        : this(ImageErrorKind.Corrupt, message)
    {
    }

    public ImageDecodeException(string message, Exception innerException)
        : base(message, innerException) => Kind = ImageErrorKind.Corrupt;

    public ImageErrorKind Kind { get; }

    public string? LibvipsMessage { get; }
}

/// <summary>A libvips operation on already-decoded pixels (resize, crop, encode) or libvips start-up failed.</summary>
public sealed class LibvipsException : Exception
{
    public LibvipsException(string message, string? libvipsMessage)
        : base(string.IsNullOrEmpty(libvipsMessage) ? message : $"{message}: {libvipsMessage}") =>
        LibvipsMessage = libvipsMessage;

    public LibvipsException()
    {
    }

    public LibvipsException(string message)
        : base(message)
    {
    }

    public LibvipsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? LibvipsMessage { get; }
}
