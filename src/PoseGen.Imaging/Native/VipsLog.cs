using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace PoseGen.Imaging.Native;

/// <summary>
/// Routes libvips' GLib log messages (domain "VIPS") to an ILogger instead of raw stderr. The handler is process-wide and
/// is called on libvips worker threads; the most recent logger given wins.
/// </summary>
internal static unsafe partial class VipsLog
{
    // GLogLevelFlags (glib/gmessages.h).
    private const int LevelCritical = 1 << 3;
    private const int LevelWarning = 1 << 4;
    private const int LevelMessage = 1 << 5;
    private const int LevelInfo = 1 << 6;

    private static readonly Lock Gate = new();
    private static ILogger? s_logger;
    private static bool s_installed;

    public static void Route(ILogger logger)
    {
        lock (Gate)
        {
            Volatile.Write(ref s_logger, logger);
            if (s_installed)
                return;
            SetHandler("VIPS", LevelCritical | LevelWarning | LevelMessage | LevelInfo, &OnMessage, 0);
            s_installed = true;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(byte* domain, int level, byte* message, nint userData)
    {
        var logger = Volatile.Read(ref s_logger);
        if (logger is null)
            return;
        // Warnings are mostly about the bytes a user uploaded (a truncated JPEG logs "error in tile"); the failure itself
        // reaches the caller as an ImageDecodeException, so they are debug detail, not operator warnings.
        var logLevel = (level & LevelCritical) != 0 ? LogLevel.Error : LogLevel.Debug;
        if (!logger.IsEnabled(logLevel))
            return;
        var text = Marshal.PtrToStringUTF8((nint)message) ?? "";
        LogLibvips(logger, logLevel, text);
    }

    [LoggerMessage(EventId = 4100, Message = "libvips: {LibvipsMessage}")]
    private static partial void LogLibvips(ILogger logger, LogLevel level, string libvipsMessage);

    [LibraryImport(VipsNative.Library, EntryPoint = "g_log_set_handler", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint SetHandler(
        string logDomain, int levels, delegate* unmanaged[Cdecl]<byte*, int, byte*, nint, void> handler, nint userData);
}
