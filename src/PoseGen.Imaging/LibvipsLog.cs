using Microsoft.Extensions.Logging;
using NetVips;

namespace PoseGen.Imaging;

/// <summary>
/// Routes libvips' GLib log messages (domain "VIPS") to an ILogger instead of raw stderr. The handler is process-wide
/// and is called on libvips worker threads; the most recent logger given wins.
/// </summary>
internal static partial class LibvipsLog
{
    private const Enums.LogLevelFlags Levels =
        Enums.LogLevelFlags.Critical | Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message
            | Enums.LogLevelFlags.Info;

    private static readonly Lock Gate = new();
    private static ILogger? CurrentLogger;
    private static bool Installed;

    public static void Route(ILogger logger)
    {
        lock (Gate)
        {
            Volatile.Write(ref CurrentLogger, logger);
            if (Installed)
                return;
            Log.SetLogHandler("VIPS", Levels, OnMessage);
            Installed = true;
        }
    }

    private static void OnMessage(string domain, Enums.LogLevelFlags level, string message)
    {
        var logger = Volatile.Read(ref CurrentLogger);
        if (logger is null)
            return;
        // Warnings are mostly about the bytes a user uploaded (a truncated JPEG logs "error in tile"); the failure
        // itself reaches the caller as an ImageDecodeException, so they are debug detail, not operator warnings.
        var logLevel = level.HasFlag(Enums.LogLevelFlags.Critical) ? LogLevel.Error : LogLevel.Debug;
        if (logger.IsEnabled(logLevel))
            LogLibvips(logger, logLevel, message);
    }

    [LoggerMessage(EventId = 4100, Message = "libvips: {LibvipsMessage}")]
    private static partial void LogLibvips(ILogger logger, LogLevel level, string libvipsMessage);
}
