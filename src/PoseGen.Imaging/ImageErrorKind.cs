namespace PoseGen.Imaging;

/// <summary>Why encoded bytes were refused. Suggested HTTP mapping in comments.</summary>
public enum ImageErrorKind
{
    /// <summary>No bytes at all (400/422).</summary>
    Empty,

    /// <summary>Not one of JPEG, PNG, WebP, GIF, AVIF, or not recognised as an image (415).</summary>
    UnsupportedFormat,

    /// <summary>The header announces more pixels than <see cref="ImagingOptions.MaxPixels"/> (413).</summary>
    TooLarge,

    /// <summary>
    /// Recognised format, but the header or pixel data cannot be decoded, including truncated files (422).
    /// </summary>
    Corrupt,
}
