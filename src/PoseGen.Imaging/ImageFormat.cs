namespace PoseGen.Imaging;

/// <summary>The encoded formats PoseGen accepts as input.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
    Avif,
}

/// <summary>The formats PoseGen writes.</summary>
public enum EncodeFormat
{
    Jpeg,
    Png,
    WebP,

    /// <summary>
    /// AV1 in HEIF via libaom, encoded at low effort (see VipsNative.HeifEffort). Still the slowest encoder here (a few
    /// hundred ms for a 320 px thumbnail on this machine), so keep it to thumbnails or background work.
    /// </summary>
    Avif,
}

/// <summary>How a thumbnail fills its box.</summary>
public enum ThumbnailFit
{
    /// <summary>Scale to fit inside the box, keeping the aspect ratio; one side may be shorter than asked.</summary>
    Inside,

    /// <summary>Scale to cover the box and crop the centre, giving exactly the box size.</summary>
    CoverCentre,
}
