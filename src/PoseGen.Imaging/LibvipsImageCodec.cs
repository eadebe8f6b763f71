using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoseGen.Core.Imaging;
using PoseGen.Imaging.Native;

namespace PoseGen.Imaging;

/// <summary>
/// <see cref="IImageCodec"/> over libvips. Encoded input stays pinned for the whole call because libvips decodes lazily from
/// the caller's buffer; every VipsImage is owned by a <see cref="VipsImageHandle"/> so no reference outlives the call.
/// </summary>
public sealed unsafe class LibvipsImageCodec(IOptions<ImagingOptions> options, ILogger<LibvipsImageCodec>? logger = null) : IImageCodec
{
    private readonly long _maxPixels = options.Value.MaxPixels;

    public LibvipsInfo Info { get; } = LibvipsRuntime.EnsureStarted(options.Value, logger) with { MaxPixels = options.Value.MaxPixels };

    public ImageProbe Probe(ReadOnlySpan<byte> encoded)
    {
        fixed (byte* data = encoded)
        {
            using var header = OpenHeader(data, encoded.Length, sequential: true, out var format);
            return ProbeOf(header, format, Orientation(header));
        }
    }

    public RgbImage Decode(ReadOnlySpan<byte> encoded)
    {
        fixed (byte* data = encoded)
        {
            // Sequential access streams the decoder straight into the output; random access would first decode the whole
            // image into an intermediate buffer (about 4x the CPU on a 1920x1080 JPEG here). Rotating needs random access, so
            // images whose EXIF orientation is not "upright" are opened again that way.
            using var sequential = OpenWithinLimit(data, encoded.Length, sequential: true);
            if (Orientation(sequential) == 1)
                return VipsPipeline.ToRgbImage(sequential, RgbColor.White);
            using var random = OpenHeader(data, encoded.Length, sequential: false, out _);
            using var upright = VipsPipeline.Check(VipsNative.Autorot(random, out var output, 0), output, "autorot");
            return VipsPipeline.ToRgbImage(upright, RgbColor.White);
        }
    }

    public RgbImage DecodeThumbnail(ReadOnlySpan<byte> encoded, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        fixed (byte* data = encoded)
        {
            // The header pass costs microseconds and lets the limit apply before thumbnail's own loader touches pixels.
            OpenWithinLimit(data, encoded.Length, sequential: true).Dispose();
            var status = VipsNative.ThumbnailBuffer(
                data, (nuint)encoded.Length, out var output, maxWidth,
                "height", maxHeight, "size", VipsNative.SizeDown, "crop", Crop(fit), "option_string", VipsNative.FailOnTruncatedOptions, 0);
            using var thumbnail = VipsPipeline.Check(status, output, "thumbnail");
            return VipsPipeline.ToRgbImage(thumbnail, RgbColor.White);
        }
    }

    public AnalysisImage DecodeForAnalysis(ReadOnlySpan<byte> encoded, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSide);
        fixed (byte* data = encoded)
        {
            using var header = OpenHeader(data, encoded.Length, sequential: true, out var format);
            var (width, height) = (VipsNative.ImageGetWidth(header), VipsNative.ImageGetHeight(header));
            EnsureWithinLimit(width, height);
            var shrink = format == ImageFormat.Jpeg ? JpegShrink(Math.Max(width, height), maxSide) : 1;
            var orientation = Orientation(header);
            var upright = orientation == 1;
            var source = ProbeOf(header, format, orientation);
            // Rotating needs random access; shrinking needs the loader opened with the factor. Otherwise the header's
            // own sequential loader streams the pixels.
            using var loaded = shrink == 1 && upright ? null : OpenHeader(data, encoded.Length, upright, out _, shrink);
            var decoded = loaded ?? header;
            using var rotated = upright ? null : CheckOperation(VipsNative.Autorot(decoded, out var turned, 0), turned, "autorot");
            var current = rotated ?? decoded;
            using var reduced = Math.Max(VipsNative.ImageGetWidth(current), VipsNative.ImageGetHeight(current)) <= maxSide
                ? null
                : CheckOperation(
                    VipsNative.ThumbnailImage(current, out var output, maxSide, "height", maxSide, "size", VipsNative.SizeDown, "crop", VipsNative.InterestingNone, 0),
                    output,
                    "thumbnail_image");
            return new AnalysisImage(VipsPipeline.ToRgbImage(reduced ?? current, RgbColor.White), source);
        }
    }

    public RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return ThumbnailOf(image, width, height, VipsNative.SizeForce, VipsNative.InterestingNone);
    }

    public RgbImage Thumbnail(RgbImage image, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHeight);
        return ThumbnailOf(image, maxWidth, maxHeight, VipsNative.SizeDown, Crop(fit));
    }

    public RgbImage Crop(RgbImage image, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (left + width > image.Width || top + height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(width), $"Crop {left},{top} {width}x{height} leaves the {image.Width}x{image.Height} image");
        fixed (byte* pixels = image.Pixels)
        {
            using var source = VipsPipeline.FromPinnedRgb(image, pixels);
            var status = VipsNative.ExtractArea(source, out var output, left, top, width, height, 0);
            using var cropped = CheckOperation(status, output, "extract_area");
            return VipsPipeline.ReadRgb(cropped);
        }
    }

    public byte[] Encode(RgbImage image, EncodeFormat format, int quality = 85, ChromaSubsampling chroma = ChromaSubsampling.Auto)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!Enum.IsDefined(chroma))
            throw new ArgumentOutOfRangeException(nameof(chroma), chroma, null);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        fixed (byte* pixels = image.Pixels)
        {
            using var source = VipsPipeline.FromPinnedRgb(image, pixels);
            // keep=none: no EXIF/XMP/ICC blocks in our own output (RgbImage is plain sRGB; nothing worth carrying).
            nint buffer;
            nuint length;
            var status = format switch
            {
                EncodeFormat.Jpeg => VipsNative.JpegSaveBuffer(
                    source, out buffer, out length, "Q", quality, "keep", VipsNative.KeepNone, "subsample_mode", (int)chroma, 0),
                EncodeFormat.WebP => VipsNative.WebpSaveBuffer(source, out buffer, out length, "Q", quality, "keep", VipsNative.KeepNone, 0),
                EncodeFormat.Avif => VipsNative.HeifSaveBuffer(
                    source, out buffer, out length, "Q", quality, "compression", VipsNative.HeifCompressionAv1,
                    "effort", VipsNative.HeifEffort, "keep", VipsNative.KeepNone, 0),
                EncodeFormat.Png => VipsNative.PngSaveBuffer(source, out buffer, out length, "keep", VipsNative.KeepNone, 0),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
            };
            if (status != 0 || buffer == 0)
                throw VipsErrors.Failed($"Encoding {format} failed");
            return VipsPipeline.CopyAndFree(buffer, length);
        }
    }

    public RgbImage RenderSvg(string svg, RgbColor background)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(svg);
        var utf8 = Encoding.UTF8.GetBytes(svg);
        fixed (byte* data = utf8)
        {
            // svgload reads the canvas size first and renders only when pixels are requested, so the limit check is cheap.
            var status = VipsNative.SvgLoadBuffer(data, (nuint)utf8.Length, out var output, 0);
            using var loaded = VipsPipeline.Check(status, output, "svgload");
            EnsureWithinLimit(VipsNative.ImageGetWidth(loaded), VipsNative.ImageGetHeight(loaded));
            return VipsPipeline.ToRgbImage(loaded, background);
        }
    }

    private RgbImage ThumbnailOf(RgbImage image, int width, int height, int size, int crop)
    {
        fixed (byte* pixels = image.Pixels)
        {
            using var source = VipsPipeline.FromPinnedRgb(image, pixels);
            var status = VipsNative.ThumbnailImage(source, out var output, width, "height", height, "size", size, "crop", crop, 0);
            using var resized = CheckOperation(status, output, "thumbnail_image");
            return VipsPipeline.ReadRgb(resized);
        }
    }

    private VipsImageHandle OpenWithinLimit(byte* data, int length, bool sequential)
    {
        var header = OpenHeader(data, length, sequential, out _);
        try
        {
            EnsureWithinLimit(VipsNative.ImageGetWidth(header), VipsNative.ImageGetHeight(header));
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
            throw new ImageDecodeException(ImageErrorKind.TooLarge, $"{width}x{height} is {pixels} pixels, over the limit of {_maxPixels}");
    }

    /// <summary>Reads the header only (libvips loads lazily); truncated bodies then fail when pixels are read.</summary>
    /// <param name="jpegShrink">1, or the JPEG loader's DCT scaling factor (2, 4 or 8); only for JPEG input.</param>
    private static VipsImageHandle OpenHeader(byte* data, int length, bool sequential, out ImageFormat format, int jpegShrink = 1)
    {
        format = ImageSniffer.Detect(new ReadOnlySpan<byte>(data, length));
        var options = (sequential, jpegShrink) switch
        {
            (true, 1) => "access=sequential",
            (false, 1) => "",
            (true, _) => $"access=sequential,shrink={jpegShrink}",
            (false, _) => $"shrink={jpegShrink}",
        };
        var image = VipsNative.ImageNewFromBuffer(data, (nuint)length, options, "fail_on", VipsNative.FailOnTruncated, 0);
        if (image.IsInvalid)
        {
            image.Dispose();
            throw VipsErrors.Corrupt($"Reading the {format} header failed");
        }
        return image;
    }

    private static ImageProbe ProbeOf(VipsImageHandle header, ImageFormat format, int orientation)
    {
        var width = VipsNative.ImageGetWidth(header);
        var height = VipsNative.ImageGetHeight(header);
        var pages = VipsNative.ImageGetNPages(header);
        // EXIF orientations 5-8 are the ones with a 90 degree turn: the upright image has width and height swapped.
        return orientation is >= 5 and <= 8
            ? new ImageProbe(format, height, width, pages)
            : new ImageProbe(format, width, height, pages);
    }

    private static int Orientation(VipsImageHandle image) =>
        VipsNative.ImageGetTypeof(image, "orientation") != 0 && VipsNative.ImageGetInt(image, "orientation", out var value) == 0
            ? value
            : 1;

    /// <summary>
    /// The largest JPEG DCT scaling factor that keeps the long side at or above <paramref name="maxSide"/> (libjpeg's scaled
    /// output is ceil(side / factor)).
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

    private static int Crop(ThumbnailFit fit) => fit == ThumbnailFit.CoverCentre ? VipsNative.InterestingCentre : VipsNative.InterestingNone;

    private static VipsImageHandle CheckOperation(int status, VipsImageHandle output, string operation)
    {
        if (status == 0 && !output.IsInvalid)
            return output;
        output.Dispose();
        throw VipsErrors.Failed($"libvips {operation} failed");
    }
}
