using PoseGen.Core.Imaging;

namespace PoseGen.Core.Abstractions;

/// <summary>
/// Encoded photo bytes (JPEG, PNG, WebP, GIF, AVIF) to upright pixels: the part of the image codec the use cases need.
/// Bytes that cannot become pixels throw the adapter's decode exception (a user-facing error).
/// </summary>
public interface IImageDecoder
{
    /// <summary>Format, oriented size and page count from the header alone; does not apply the pixel limit.</summary>
    ImageProbe Probe(ReadOnlySpan<byte> encoded);

    /// <summary>
    /// Decode for analysis to at most <paramref name="maxSide"/> on the long side, upright, never enlarging, together
    /// with what the header says about the full photo (so callers need no separate <see cref="Probe"/>).
    /// </summary>
    AnalysisImage DecodeForAnalysis(ReadOnlySpan<byte> encoded, int maxSide);
}

/// <param name="Image">The upright working image, at most the requested size on its long side.</param>
/// <param name="Source">The encoded photo's format, upright size and page count (as
/// <see cref="IImageDecoder.Probe"/>).</param>
public sealed record AnalysisImage(RgbImage Image, ImageProbe Source);
