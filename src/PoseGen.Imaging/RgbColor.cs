namespace PoseGen.Imaging;

/// <summary>A background colour for flattening transparency, 8-bit sRGB.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    public static RgbColor White => new(255, 255, 255);

    public static RgbColor Black => new(0, 0, 0);
}
