namespace PoseGen.Core.Imaging;

/// <summary>
/// What a header says, without decoding pixels. Width and Height are of the first frame after EXIF orientation.
/// </summary>
public sealed record ImageProbe(ImageFormat Format, int Width, int Height, int Pages)
{
    public long PixelCount => (long)Width * Height;
}
