using System.Runtime.InteropServices;

namespace PoseGen.Imaging.Native;

internal static class VipsErrors
{
    /// <summary>
    /// Takes libvips' error text and clears the buffer in one locked step. The buffer is process-wide in libvips 8.x
    /// (iofuncs/error.c: "shared between all threads"), so taking it atomically keeps two failing requests from both
    /// reporting, or both losing, the same text.
    /// </summary>
    public static string Take()
    {
        var copy = VipsNative.ErrorBufferCopy();
        if (copy == 0)
            return "";
        try
        {
            return (Marshal.PtrToStringUTF8(copy) ?? "").Trim();
        }
        finally
        {
            VipsNative.GFree(copy);
        }
    }

    public static ImageDecodeException Corrupt(string what) =>
        new(ImageErrorKind.Corrupt, what, NonEmpty(Take()));

    public static LibvipsException Failed(string what) => new(what, NonEmpty(Take()));

    private static string NonEmpty(string message) => message.Length == 0 ? "(libvips gave no message)" : message;
}
