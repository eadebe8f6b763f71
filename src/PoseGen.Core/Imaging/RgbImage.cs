namespace PoseGen.Core.Imaging;

/// <summary>
/// An upright 8-bit RGB image: <see cref="Pixels"/> holds Height rows of Width x 3 bytes (R, G, B), no padding.
/// Coordinates derived from it are in pixels of this (EXIF-oriented) frame.
/// </summary>
public sealed record RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 3))
            throw new ArgumentException(
                $"Expected {width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }
}
