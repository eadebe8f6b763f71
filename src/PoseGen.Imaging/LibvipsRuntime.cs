using Microsoft.Extensions.Logging;
using NetVips;
using VipsGlobals = NetVips.NetVips;

namespace PoseGen.Imaging;

/// <summary>
/// Applies PoseGen's libvips settings once per process. NetVips' module initializer has already run vips_init when this
/// assembly first touched NetVips; what is left is policy: which loaders may run, no operation cache, the thread count.
/// </summary>
internal static class LibvipsRuntime
{
    /// <summary>
    /// Loader classes left runnable, each with its file, buffer and source variants. Every other loader (TIFF, PPM,
    /// CSV, libvips' own format, ...) is blocked inside libvips, so nothing can reach it even by a path that skips
    /// <see cref="ImageSniffer"/> (thumbnail_source picks its own loader). SVG is on libvips' untrusted list (librsvg)
    /// and is unblocked for RenderSvg, which only renders SVG that PoseGen wrote; the sniffer refuses SVG uploads.
    /// </summary>
    private static readonly string[] AllowedLoaders =
    [
        "VipsForeignLoadJpeg", "VipsForeignLoadUhdr", "VipsForeignLoadPng", "VipsForeignLoadWebp",
        "VipsForeignLoadNsgif",
        "VipsForeignLoadHeif", "VipsForeignLoadSvg",
    ];

    private static readonly Lock Gate = new();
    private static LibvipsInfo? Started;

    public static LibvipsInfo EnsureStarted(ImagingOptions options, ILogger? logger)
    {
        lock (Gate)
        {
            Started ??= Start(options);
            if (logger is not null)
                LibvipsLog.Route(logger);
            return Started;
        }
    }

    private static LibvipsInfo Start(ImagingOptions options)
    {
        if (!ModuleInitializer.VipsInitialized)
            throw new LibvipsException("libvips could not be started", ModuleInitializer.Exception?.Message);

        VipsGlobals.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in AllowedLoaders)
            Operation.Block(loader, false);

        // The operation cache replays results for identical arguments. Uploads never repeat, and cached images would
        // hold memory (and wrapped RgbImage arrays pinned) after the call: switch it off.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        if (options.Concurrency > 0)
            VipsGlobals.Concurrency = options.Concurrency;

        var version = $"{VipsGlobals.Version(0)}.{VipsGlobals.Version(1)}.{VipsGlobals.Version(2)}";
        return new LibvipsInfo(version, VipsGlobals.Concurrency, options.MaxPixels);
    }
}
