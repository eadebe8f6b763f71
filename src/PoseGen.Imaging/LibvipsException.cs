namespace PoseGen.Imaging;

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
