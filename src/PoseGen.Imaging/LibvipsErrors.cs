using NetVips;

namespace PoseGen.Imaging;

/// <summary>Turns NetVips' <see cref="VipsException"/> into PoseGen's exceptions, by the step that failed.</summary>
internal static class LibvipsErrors
{
    /// <summary>
    /// Takes libvips' error text and clears the buffer. NetVips reads that (process-wide) buffer only in
    /// VipsException's constructor, which also clears it; a failed sniff raises no exception, and its text would
    /// otherwise be prepended to the next failure's message.
    /// </summary>
    public static string Take() => NonEmpty(new VipsException(string.Empty).Message.Trim());

    /// <summary>A step on an upload's pixels (or its header) failed: the bytes are damaged. Pixels are read lazily, so
    /// a corrupt body surfaces in whichever step first pulls them.</summary>
    public static T Decoding<T>(Func<T> step, string what)
    {
        try
        {
            return step();
        }
        catch (VipsException e)
        {
            throw new ImageDecodeException(ImageErrorKind.Corrupt, what, NonEmpty(e.Message.Trim()));
        }
    }

    /// <summary>A step on pixels PoseGen already holds failed: not the user's fault.</summary>
    public static T Operating<T>(Func<T> step, string what)
    {
        try
        {
            return step();
        }
        catch (VipsException e)
        {
            throw new LibvipsException(what, NonEmpty(e.Message.Trim()));
        }
    }

    private static string NonEmpty(string message) => message.Length == 0 ? "(libvips gave no message)" : message;
}
