namespace PoseGen.Core.Context.Scene;

/// <summary>
/// The outfit rules over <see cref="OutfitEvidence"/> and the detected accessories. "Exposed" means at least 35% of a
/// region's samples are skin. Points marked "tuned" were adjusted by hand on the 10 fixture scenes and may overfit:
/// there the right outfit is in the top two for 8/10; on the 79 labelled fixture photos with an outfit that they were
/// not tuned on (scenes/more and tools/PoseGen.ContextTrainer/more-labels.csv), 50/79, the held-out figure that stands
/// in for leave-one-out (bench/RESULTS.md, "Context as a model"). Today they serve as features of the learned model and
/// as its fallback.
/// </summary>
public static class OutfitRules
{
    private const float Exposed = 0.35f;

    public static IReadOnlyList<ContextEstimate> Outfit(SceneEvidence e, IReadOnlyList<ContextEstimate> environment)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(environment);
        if (e.Outfit is not { } o)
            return [];
        var sheet = new ScoreSheet();
        var place = environment.Count > 0 ? environment[0].Label : "";

        if (e.Has("tie")) sheet.Add("formal", 4, "tie");
        if (e.Has("skis") || e.Has("snowboard")) sheet.Add("winter", 3, e.Has("skis") ? "skis" : "snowboard");
        if (e.Has("handbag")) sheet.Add("dress", 0.8, "handbag");
        if (e.Has("backpack")) sheet.Add("casual", 0.8, "backpack");

        var torsoSkin = o.Torso.Seen && o.Torso.Skin > Exposed;
        var armSkin = o.Arms.Seen && o.Arms.Skin > Exposed;
        var legSkin = (o.UpperLegs.Seen && o.UpperLegs.Skin > Exposed)
            || (o.LowerLegs.Seen && o.LowerLegs.Skin > Exposed);
        var legsCovered = o.LowerLegs.Seen && o.LowerLegs.Skin < 0.15f;
        // Swimwear needs most of the torso bare, not a skin-toned print or an open collar.
        if (o.Torso.Seen && o.Torso.Skin > 0.55f && legSkin) sheet.Add("swimwear", 3,
            $"exposed torso ({o.Torso.Skin:P0} skin) and legs");
        if (!armSkin && o.Arms.Seen && legsCovered)
        {
            if (o.Torso.Brightness < 0.35f && o.Torso.Saturation < 0.6f)
                sheet.Add("formal", 2.5, $"covered arms and legs, dark {ColourName(o.Torso.Colour)} torso");
            if (place == "snow") sheet.Add("winter", 3, "covered arms and legs on snow");
            sheet.Add("business-casual", 1, "covered arms and legs");
        }
        if (armSkin && !torsoSkin) sheet.Add("casual", 1.5,
            $"bare arms ({o.Arms.Skin:P0} skin), covered torso (t-shirt)");
        if (o.UpperLegs.Seen && o.UpperLegs.Skin > Exposed && !torsoSkin) sheet.Add("casual", 1,
            $"bare thighs ({o.UpperLegs.Skin:P0} skin): shorts or skirt");
        if (o.LowerLegs.Seen && o.LowerLegs.Skin > Exposed && o.UpperLegs.Seen && o.UpperLegs.Skin < 0.2f && !torsoSkin)
            sheet.Add("dress", 1.5, "covered thighs, bare lower legs: skirt or dress length");
        if (o.Torso.Seen && o.UpperLegs.Seen && Similar(o.Torso.Colour, o.UpperLegs.Colour) && o.Torso.Saturation > 0.2f
            && !legsCovered)
            sheet.Add("dress", 1.5, $"torso and thighs the same {ColourName(o.Torso.Colour)}: one garment");
        if (o.Torso.Saturation > 0.45f && legsCovered && !armSkin)
            sheet.Add("winter", 0.8, $"saturated {ColourName(o.Torso.Colour)} top over covered legs (jacket)");
        // Sportswear where people train or the garments are bright and tight: gym or studio settings and covered legs
        // with a bright top (leggings) lean sportswear (tuned).
        if (place is "gym" or "studio" or "beach") sheet.Add("sportswear", 1.2, $"{place} setting");
        if (o.Torso.Saturation > 0.3f && legsCovered && o.LowerLegs.Brightness < 0.3f)
            sheet.Add("sportswear", 1.2, $"bright {ColourName(o.Torso.Colour)} top over dark leggings");
        if (place is "street" or "park" or "home") sheet.Add("casual", 1, $"{place} setting");
        return sheet.Rank();
    }

    private static bool Similar((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) =>
        Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B) < 60;

    /// <summary>A coarse colour name for evidence strings.</summary>
    public static string ColourName((byte R, byte G, byte B) c)
    {
        var (h, s, v) = PixelColour.Hsv(c.R, c.G, c.B);
        if (v < 0.2f) return "black";
        if (s < 0.15f) return v > 0.8f ? "white" : "grey";
        return h switch
        {
            < 15 or >= 340 => "red", < 40 => "orange", < 65 => "yellow", < 160 => "green", < 200 => "cyan",
            < 255 => "blue",
            < 290 => "purple", _ => "pink",
        };
    }
}
