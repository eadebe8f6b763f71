namespace PoseGen.Imaging;

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
