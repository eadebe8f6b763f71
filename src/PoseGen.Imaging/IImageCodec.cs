using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;

namespace PoseGen.Imaging;

/// <summary>
/// Decoding, resizing and encoding through libvips. Thread-safe; register as a singleton. Methods taking encoded bytes
/// throw <see cref="ImageDecodeException"/> (with a <see cref="ImageErrorKind"/>) when the bytes cannot become pixels;
/// methods on decoded pixels throw <see cref="LibvipsException"/> only on unexpected libvips failures.
/// Decoded images are upright (EXIF orientation applied), 8-bit RGB, alpha flattened onto white.
/// <see cref="IImageDecoder.Probe"/> and <see cref="IImageDecoder.DecodeForAnalysis"/> are the use cases' port.
/// </summary>
public interface IImageCodec : IImageDecoder
{
    LibvipsInfo Info { get; }

    /// <summary>
    /// Full-resolution decode (first frame of animations), refused before decoding when over the pixel limit.
    /// </summary>
    RgbImage Decode(ReadOnlySpan<byte> encoded);

    /// <summary>
    /// Decode straight to at most <paramref name="maxWidth"/> x <paramref name="maxHeight"/>, never enlarging. JPEG and
    /// WebP shrink while decoding, so this is much cheaper than Decode + Resize for large photos.
    /// </summary>
    RgbImage DecodeThumbnail(ReadOnlySpan<byte> encoded, int maxWidth, int maxHeight,
        ThumbnailFit fit = ThumbnailFit.Inside);

    /// <summary>
    /// Exact resize to <paramref name="width"/> x <paramref name="height"/> (aspect ratio not kept), up or down.
    /// </summary>
    RgbImage Resize(RgbImage image, int width, int height);

    /// <summary>Scale to fit inside the box (or cover it and crop the centre), never enlarging.</summary>
    RgbImage Thumbnail(RgbImage image, int maxWidth, int maxHeight, ThumbnailFit fit = ThumbnailFit.Inside);

    /// <summary>The rectangle's pixels; it must lie inside the image.</summary>
    RgbImage Crop(RgbImage image, int left, int top, int width, int height);

    /// <summary>
    /// Encodes; <paramref name="quality"/> (1-100) applies to JPEG, WebP and AVIF and is ignored for PNG;
    /// <paramref name="chroma"/> applies to JPEG only.
    /// </summary>
    byte[] Encode(RgbImage image, EncodeFormat format, int quality = 85,
        ChromaSubsampling chroma = ChromaSubsampling.Auto);

    /// <summary>
    /// Renders an SVG document at its own width/height (user units = pixels, 72 dpi) onto an opaque background.
    /// Throws <see cref="ImageDecodeException"/> for invalid SVG or when the canvas is over the pixel limit.
    /// </summary>
    RgbImage RenderSvg(string svg, RgbColor background);
}
