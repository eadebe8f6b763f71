namespace PoseGen.Core.Imaging;

/// <summary>The encoded formats PoseGen accepts as input.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
    Avif,
}
