using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace PoseGen.Imaging.Native;

/// <summary>Starts libvips once per process. vips_init must not run concurrently with itself, hence the lock.</summary>
internal static class LibvipsRuntime
{
    private static readonly Lock Gate = new();
    private static LibvipsInfo? s_info;

    public static LibvipsInfo EnsureStarted(ImagingOptions options, ILogger? logger)
    {
        lock (Gate)
        {
            s_info ??= Start(options);
            // After Start: VipsNative's static constructor installs the library resolver VipsLog's import relies on too.
            if (logger is not null)
                VipsLog.Route(logger);
            return s_info;
        }
    }

    private static LibvipsInfo Start(ImagingOptions options)
    {
        if (VipsNative.Init("posegen") != 0)
            throw VipsErrors.Failed("vips_init failed");

        // The operation cache replays results for identical arguments. Uploads never repeat, cached images would hold
        // memory, and a cached loader would keep a pointer into a managed buffer we only pin for one call: switch it off.
        VipsNative.CacheSetMax(0);
        VipsNative.CacheSetMaxMem(0);
        VipsNative.CacheSetMaxFiles(0);
        if (options.Concurrency > 0)
            VipsNative.ConcurrencySet(options.Concurrency);

        var version = Marshal.PtrToStringUTF8(VipsNative.VersionString()) ?? "unknown";
        return new LibvipsInfo(version, VipsNative.ConcurrencyGet(), options.MaxPixels);
    }
}
