using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetVips;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging;

/// <summary>
/// <see cref="IImageCodec"/> over libvips through NetVips. Encoded input is copied once per call into a libvips-owned
/// <see cref="Source"/> (NetVips cannot keep a caller's span pinned while libvips decodes lazily), and every loader of
/// the call reads that one source. Every Image is disposed before the call returns: libvips frees pixel buffers on the
/// last unref, not when the GC gets round to a finalizer.
/// </summary>
public sealed class LibvipsImageCodec(IOptions<ImagingOptions> options,
    ILogger<LibvipsImageCodec>? logger = null) : IImageCodec
{
    /// <summary>
    /// Loader options for thumbnail_source. thumbnail passes its option_string, not its own fail_on, to the loader it
    /// opens (libvips resample/thumbnail.c), so this is how a truncated upload fails there too.
    /// </summary>
    private const string FailOnTruncatedOptions = "fail_on=truncated";

    /// <summary>
    /// heifsave "effort" 0 (fastest) to 9; libvips' default 4 takes seconds per small photo with libaom here.
    /// </summary>
    private const int HeifEffort = 1;

    private readonly long _maxPixels = options.Value.MaxPixels;

    public LibvipsInfo Info { get; } = LibvipsRuntime.EnsureStarted(options.Value,
        logger) with { MaxPixels = options.Value.MaxPixels };

    public ImageProbe Probe(ReadOnlySpan<byte> encoded)
    {
        var format = ImageSniffer.Detect(encoded);
        using var source = Source.NewFromMemory(encoded);
        using var header = OpenHeader(source, format, sequential: true);
        return ProbeOf(header, format, Orientation(header));
    }

    public RgbImage Decode(ReadOnlySpan<byte> encoded)
    {
        var format = ImageSniffer.Detect(encoded);
        using var source = Source.NewFromMemory(encoded);
        // Sequential access streams the decoder straight into the output; random access would first decode the whole
        // image into an intermediate buffer (about 4x the CPU on a 1920x1080 JPEG here). Rotating needs random access,
        // so images whose EXIF orientation is not "upright" are opened again that way.
        using var sequential = OpenWithinLimit(source, format, sequential: true);
        if (Orientation(sequential) == 1)
            return VipsPipeline.ToRgbImage(sequential, RgbColor.White);
        using var random = OpenHeader(source, format, sequential: false);
        using var upright = LibvipsErrors.Decoding(() => random.Autorot(), "libvips autorot failed");
        return VipsPipeline.ToRgbImage(upright, RgbColor.White);
    }

    public RgbImage DecodeThumbnail(ReadOnlySpan<byte> encoded, int maxWidth, int maxHeight,
        ThumbnailFit fit = ThumbnailFit.Inside)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        var format = ImageSniffer.Detect(encoded);
        using var source = Source.NewFromMemory(encoded);
        // The header pass costs microseconds and lets the limit apply before thumbnail's own loader touches pixels.
        OpenWithinLimit(source, format, sequential: true).Dispose();
        using var thumbnail = LibvipsErrors.Decoding(
            () => Image.ThumbnailSource(
                source, maxWidth, optionString: FailOnTruncatedOptions, height: maxHeight, size: Enums.Size.Down,
                crop: CropOf(fit)),
            "libvips thumbnail failed");
        return VipsPipeline.ToRgbImage(thumbnail, RgbColor.White);
    }

    /// <summary>
    /// Decode for analysis (pose detection, scene statistics) to at most <paramref name="maxSide"/> on the long side,
    /// upright, never enlarging, together with what the header says about the full photo (so callers need no separate
    /// Probe). JPEG's shrink-on-load (DCT scaling by 2, 4 or 8) does all the reduction it can while the long side stays
    /// at or above <paramref name="maxSide"/>; a resample does the rest. <see cref="DecodeThumbnail"/> instead leaves
    /// at least a factor of two to its resampler (libvips' rule, for smoother thumbnails), so for a 12 MP JPEG to 1000
    /// px it decodes at 2000 px: about 2.5x the time measured here (bench/RESULTS.md, "Keypoints").
    /// </summary>
    public AnalysisImage DecodeForAnalysis(ReadOnlySpan<byte> encoded, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSide);
        var format = ImageSniffer.Detect(encoded);
        using var source = Source.NewFromMemory(encoded);
        using var header = OpenHeader(source, format, sequential: true);
        EnsureWithinLimit(header.Width, header.Height);
        var shrink = format == ImageFormat.Jpeg ? JpegShrink(Math.Max(header.Width, header.Height), maxSide) : 1;
        var orientation = Orientation(header);
        var upright = orientation == 1;
        var probe = ProbeOf(header, format, orientation);
        // Rotating needs random access; shrinking needs the loader opened with the factor. Otherwise the header's
        // own sequential loader streams the pixels.
        using var loaded = shrink == 1 && upright ? null : OpenHeader(source, format, upright, shrink);
        var decoded = loaded ?? header;
        using var rotated = upright ? null : LibvipsErrors.Operating(() => decoded.Autorot(), "libvips autorot failed");
        var current = rotated ?? decoded;
        using var reduced = Math.Max(current.Width, current.Height) <= maxSide
            ? null
            : LibvipsErrors.Operating(
                () => current.ThumbnailImage(maxSide, height: maxSide, size: Enums.Size.Down,
                    crop: Enums.Interesting.None),
                "libvips thumbnail_image failed");
        return new AnalysisImage(VipsPipeline.ToRgbImage(reduced ?? current, RgbColor.White), probe);
    }

    public RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return ThumbnailOf(image, width, height, Enums.Size.Force, Enums.Interesting.None);
    }

    public RgbImage Thumbnail(RgbImage image, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        return ThumbnailOf(image, maxWidth, maxHeight, Enums.Size.Down, CropOf(fit));
    }

    public RgbImage Crop(RgbImage image, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (left + width > image.Width || top + height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(width),
                $"Crop {left},{top} {width}x{height} leaves the {image.Width}x{image.Height} image");
        using var source = VipsPipeline.Wrap(image);
        using var cropped = LibvipsErrors.Operating(() => source.ExtractArea(left, top, width, height),
            "libvips extract_area failed");
        return VipsPipeline.ReadRgb(cropped);
    }

    public byte[] Encode(RgbImage image, EncodeFormat format, int quality = 85,
        ChromaSubsampling chroma = ChromaSubsampling.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        var subsample = chroma switch
        {
            ChromaSubsampling.Auto => Enums.ForeignSubsample.Auto,
            ChromaSubsampling.Chroma420 => Enums.ForeignSubsample.On,
            ChromaSubsampling.Chroma444 => Enums.ForeignSubsample.Off,
            _ => throw new ArgumentOutOfRangeException(nameof(chroma), chroma, null),
        };
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var source = VipsPipeline.Wrap(image);
        // keep=none: no EXIF/XMP/ICC blocks in our own output (RgbImage is plain sRGB; nothing worth carrying).
        const Enums.ForeignKeep keep = Enums.ForeignKeep.None;
        return LibvipsErrors.Operating(
            () => format switch
            {
                EncodeFormat.Jpeg => source.JpegsaveBuffer(q: quality, keep: keep, subsampleMode: subsample),
                EncodeFormat.WebP => source.WebpsaveBuffer(q: quality, keep: keep),
                EncodeFormat.Avif => source.HeifsaveBuffer(q: quality, compression: Enums.ForeignHeifCompression.Av1,
                    effort: HeifEffort, keep: keep),
                EncodeFormat.Png => source.PngsaveBuffer(keep: keep),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
            },
            $"Encoding {format} failed");
    }

    public RgbImage RenderSvg(string svg, RgbColor background)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(svg);
        var utf8 = Encoding.UTF8.GetBytes(svg);
        // svgload reads the canvas size first and renders only when pixels are requested, so the limit check is cheap.
        using var loaded = LibvipsErrors.Decoding(() => Image.SvgloadBuffer(utf8), "libvips svgload failed");
        EnsureWithinLimit(loaded.Width, loaded.Height);
        return VipsPipeline.ToRgbImage(loaded, background);
    }

    private static RgbImage ThumbnailOf(RgbImage image, int width, int height, Enums.Size size, Enums.Interesting crop)
    {
        using var source = VipsPipeline.Wrap(image);
        using var resized = LibvipsErrors.Operating(
            () => source.ThumbnailImage(width, height: height, size: size, crop: crop),
            "libvips thumbnail_image failed");
        return VipsPipeline.ReadRgb(resized);
    }

    private Image OpenWithinLimit(Source source, ImageFormat format, bool sequential)
    {
        var header = OpenHeader(source, format, sequential);
        try
        {
            EnsureWithinLimit(header.Width, header.Height);
            return header;
        }
        catch
        {
            header.Dispose();
            throw;
        }
    }

    private void EnsureWithinLimit(int width, int height)
    {
        var pixels = (long)width * height;
        if (pixels > _maxPixels)
            throw new ImageDecodeException(ImageErrorKind.TooLarge,
                $"{width}x{height} is {pixels} pixels, over the limit of {_maxPixels}");
    }

    /// <summary>
    /// Reads the header only (libvips loads lazily); truncated bodies then fail when pixels are read.
    /// </summary>
    /// <param name="jpegShrink">1, or the JPEG loader's DCT scaling factor (2, 4 or 8); only for JPEG input.</param>
    private static Image OpenHeader(Source source, ImageFormat format, bool sequential, int jpegShrink = 1) =>
        LibvipsErrors.Decoding(
            () => Image.NewFromSource(
                source,
                access: sequential ? Enums.Access.Sequential : Enums.Access.Random,
                failOn: Enums.FailOn.Truncated,
                kwargs: jpegShrink == 1 ? null : new VOption { { "shrink", jpegShrink } }),
            $"Reading the {format} header failed");

    private static ImageProbe ProbeOf(Image header, ImageFormat format, int orientation)
    {
        var (width, height) = (header.Width, header.Height);
        // As vips_image_get_n_pages: a missing or implausible count is one page.
        var pages = Metadata(header, "n-pages") is { } n and >= 1 and < 10_000 ? n : 1;
        // EXIF orientations 5-8 are the ones with a 90 degree turn: the upright image has width and height swapped.
        return orientation is >= 5 and <= 8
            ? new ImageProbe(format, height, width, pages)
            : new ImageProbe(format, width, height, pages);
    }

    private static int Orientation(Image image) => Metadata(image, "orientation") ?? 1;

    /// <summary>
    /// An integer metadata field, or null when absent (asking Get for a missing field is an error in libvips).
    /// </summary>
    private static int? Metadata(Image image, string name) =>
        image.GetTypeOf(name) != IntPtr.Zero && image.Get(name) is int value ? value : null;

    /// <summary>
    /// The largest JPEG DCT scaling factor that keeps the long side at or above <paramref name="maxSide"/> (libjpeg's
    /// scaled output is ceil(side / factor)).
    /// </summary>
    internal static int JpegShrink(int longSide, int maxSide)
    {
        foreach (var factor in (ReadOnlySpan<int>)[8, 4, 2])
        {
            if ((longSide + factor - 1) / factor >= maxSide)
                return factor;
        }
        return 1;
    }

    private static Enums.Interesting CropOf(ThumbnailFit fit) => fit == ThumbnailFit.CoverCentre
        ? Enums.Interesting.Centre : Enums.Interesting.None;
}
