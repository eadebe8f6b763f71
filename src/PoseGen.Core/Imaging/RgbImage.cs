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

    /// <summary>The picture turned a quarter, clockwise or not: a Width x Height image becomes Height x Width.</summary>
    public RgbImage QuarterTurn(bool clockwise)
    {
        var turned = new byte[Pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                // Clockwise, the source's bottom-left corner becomes the top-left one: (x, y) -> (Height - 1 - y, x).
                var (tx, ty) = clockwise ? (Height - 1 - y, x) : (y, Width - 1 - x);
                Buffer.BlockCopy(Pixels, ((y * Width) + x) * 3, turned, ((ty * Height) + tx) * 3, 3);
            }
        }
        return new RgbImage(Height, Width, turned);
    }
}
