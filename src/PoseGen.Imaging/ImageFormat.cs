namespace PoseGen.Imaging;

/// <summary>The formats PoseGen writes.</summary>
public enum EncodeFormat
{
    Jpeg,
    Png,
    WebP,

    /// <summary>
    /// AV1 in HEIF via libaom, encoded at low effort (see LibvipsImageCodec.HeifEffort). Still the slowest encoder here
    /// (a few hundred ms for a 320 px thumbnail on this machine), so keep it to thumbnails or background work.
    /// </summary>
    Avif,
}

/// <summary>
/// JPEG chroma subsampling (libvips' VipsForeignSubsample values). Phone cameras write 4:2:0; libvips' own default
/// turns subsampling off at quality 90 and above, which doubles the blocks a decoder has to entropy-decode.
/// </summary>
public enum ChromaSubsampling
{
    /// <summary>libvips decides: 4:2:0 below quality 90, 4:4:4 from 90 up.</summary>
    Auto = 0,

    /// <summary>Colour at half resolution both ways (4:2:0), as cameras and most encoders write it.</summary>
    Chroma420 = 1,

    /// <summary>Colour at full resolution (4:4:4).</summary>
    Chroma444 = 2,
}

/// <summary>How a thumbnail fills its box.</summary>
public enum ThumbnailFit
{
    /// <summary>Scale to fit inside the box, keeping the aspect ratio; one side may be shorter than asked.</summary>
    Inside,

    /// <summary>Scale to cover the box and crop the centre, giving exactly the box size.</summary>
    CoverCentre,
}
