using PoseGen.Core.Imaging;

namespace PoseGen.Imaging;

/// <summary>
/// Decoding, resizing and encoding through libvips. Thread-safe; register as a singleton. Methods taking encoded bytes
/// throw <see cref="ImageDecodeException"/> (with a <see cref="ImageErrorKind"/>) when the bytes cannot become pixels;
/// methods on decoded pixels throw <see cref="LibvipsException"/> only on unexpected libvips failures.
/// Decoded images are upright (EXIF orientation applied), 8-bit RGB, alpha flattened onto white.
/// </summary>
public interface IImageCodec
{
    LibvipsInfo Info { get; }

    /// <summary>Format, oriented size and page count from the header alone; does not apply the pixel limit.</summary>
    ImageProbe Probe(ReadOnlySpan<byte> encoded);

    /// <summary>Full-resolution decode (first frame of animations), refused before decoding when over the pixel limit.</summary>
    RgbImage Decode(ReadOnlySpan<byte> encoded);

    /// <summary>
    /// Decode straight to at most <paramref name="maxWidth"/> x <paramref name="maxHeight"/>, never enlarging. JPEG and WebP
    /// shrink while decoding, so this is much cheaper than Decode + Resize for large photos.
    /// </summary>
    RgbImage DecodeThumbnail(ReadOnlySpan<byte> encoded, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside);

    /// <summary>
    /// Decode for analysis (pose detection, scene statistics) to at most <paramref name="maxSide"/> on the long side, upright,
    /// never enlarging, together with what the header says about the full photo (so callers need no separate Probe).
    /// JPEG's shrink-on-load (DCT scaling by 2, 4 or 8) does all the reduction it can while the long side stays at or above
    /// <paramref name="maxSide"/>; a resample does the rest. <see cref="DecodeThumbnail"/> instead leaves
    /// at least a factor of two to its resampler (libvips' rule, for smoother thumbnails), so for a 12 MP JPEG to 1000 px
    /// it decodes at 2000 px: about 2.5x the time measured here (bench/RESULTS.md, "Keypoints").
    /// </summary>
    AnalysisImage DecodeForAnalysis(ReadOnlySpan<byte> encoded, int maxSide);

    /// <summary>Exact resize to <paramref name="width"/> x <paramref name="height"/> (aspect ratio not kept), up or down.</summary>
    RgbImage Resize(RgbImage image, int width, int height);

    /// <summary>Scale to fit inside the box (or cover it and crop the centre), never enlarging.</summary>
    RgbImage Thumbnail(RgbImage image, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside);

    /// <summary>The rectangle's pixels; it must lie inside the image.</summary>
    RgbImage Crop(RgbImage image, int left, int top, int width, int height);

    /// <summary>
    /// Encodes; <paramref name="quality"/> (1-100) applies to JPEG, WebP and AVIF and is ignored for PNG;
    /// <paramref name="chroma"/> applies to JPEG only.
    /// </summary>
    byte[] Encode(RgbImage image, EncodeFormat format, int quality = 85, ChromaSubsampling chroma = ChromaSubsampling.Auto);

    /// <summary>
    /// Renders an SVG document at its own width/height (user units = pixels, 72 dpi) onto an opaque background.
    /// Throws <see cref="ImageDecodeException"/> for invalid SVG or when the canvas is over the pixel limit.
    /// </summary>
    RgbImage RenderSvg(string svg, RgbColor background);
}

/// <param name="Image">The upright working image, at most the requested size on its long side.</param>
/// <param name="Source">The encoded photo's format, upright size and page count (as <see cref="IImageCodec.Probe"/>).</param>
public sealed record AnalysisImage(RgbImage Image, ImageProbe Source);
