namespace PoseGen.Core.Context.Scene;

/// <summary>The colour classes the scene rules count. A pixel may be in none.</summary>
public enum ColourClass { Sky, Water, Sand, Foliage, Snow, Neutral, Dark, Skin }

/// <summary>
/// Per-pixel colour classes from HSV (hue in degrees, saturation and value in 0..1). Thresholds are hand-set from
/// colour charts, not fitted: sky is light blue, water a darker or greener blue, sand a light desaturated
/// orange-yellow, foliage green to yellow-green, snow very light and unsaturated. Skin is Kovac et al.'s RGB rule
/// (2003, daylight variant).
/// </summary>
public static class PixelColour
{
    public static (float Hue, float Saturation, float Value) Hsv(byte r, byte g, byte b)
    {
        float rf = r / 255f, gf = g / 255f, bf = b / 255f;
        var max = Math.Max(rf, Math.Max(gf, bf));
        var min = Math.Min(rf, Math.Min(gf, bf));
        var delta = max - min;
        var saturation = max <= 0 ? 0 : delta / max;
        float hue = 0;
        if (delta > 0)
        {
            hue = max == rf ? 60 * (((gf - bf) / delta) % 6) : max == gf ? 60 * (((bf - rf) / delta) + 2)
                : 60 * (((rf - gf) / delta) + 4);
            if (hue < 0) hue += 360;
        }
        return (hue, saturation, max);
    }

    public static bool IsSkin(byte r, byte g, byte b) =>
        r > 95 && g > 40 && b > 20 && r > g && r > b && r - Math.Min(g, b) > 15 && Math.Abs(r - g) > 15;

    /// <summary>The classes of one pixel as a bit set over <see cref="ColourClass"/>.</summary>
    public static int Classes(byte r, byte g, byte b)
    {
        var (h, s, v) = Hsv(r, g, b);
        var set = 0;
        if (h is >= 185 and <= 245 && s > 0.15f && v > 0.55f) set |= Bit(ColourClass.Sky);
        if (h is >= 165 and <= 230 && s > 0.25f && v is > 0.2f and <= 0.75f) set |= Bit(ColourClass.Water);
        if (h is >= 20 and <= 55 && s is > 0.12f and < 0.6f && v > 0.5f) set |= Bit(ColourClass.Sand);
        if (h is >= 60 and <= 165 && s > 0.2f && v > 0.12f) set |= Bit(ColourClass.Foliage);
        if (s < 0.12f && v > 0.8f) set |= Bit(ColourClass.Snow);
        if (s < 0.15f && v is > 0.2f and <= 0.85f) set |= Bit(ColourClass.Neutral);
        if (v <= 0.2f) set |= Bit(ColourClass.Dark);
        if (IsSkin(r, g, b)) set |= Bit(ColourClass.Skin);
        return set;
    }

    public static int Bit(ColourClass c) => 1 << (int)c;
}
