using System.Globalization;
using System.Text;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Library;

/// <summary>
/// An OpenPose-style skeleton on black, as ControlNet's openpose conditioning expects: the 17 standard limb pairs of
/// the 18-point layout, each in its conventional colour at 60 % opacity, and joints as discs. Exact rasterisation
/// (stick width in pixels, anti-aliasing) belongs to the imaging side; this is the vector description.
/// </summary>
public static class OpenPoseSvg
{
    /// <summary>Limb pairs in OpenPose-18 indices, in the conventional drawing order.</summary>
    public static readonly IReadOnlyList<(int A, int B)> Limbs =
    [
        (1, 2), (1, 5), (2, 3), (3, 4), (5, 6), (6, 7), (1, 8), (8, 9), (9, 10), (1, 11), (11, 12), (12, 13),
        (1, 0), (0, 14), (14, 16), (0, 15), (15, 17),
    ];

    /// <summary>The 18 conventional colours (RGB), a hue sweep from red through green and blue to magenta.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> Colours =
    [
        (255, 0, 0), (255, 85, 0), (255, 170, 0), (255, 255, 0), (170, 255, 0), (85, 255, 0), (0, 255, 0), (0, 255, 85),
        (0, 255, 170), (0, 255, 255), (0, 170, 255), (0, 85, 255), (0, 0, 255), (85, 0, 255), (170, 0, 255),
        (255, 0, 255),
        (255, 0, 170), (255, 0, 85),
    ];

    public static string Render(IReadOnlyList<Keypoint> openPose, int width, int height, float stickWidth = 4,
        float jointRadius = 4)
    {
        ArgumentNullException.ThrowIfNull(openPose);
        if (openPose.Count != OpenPoseBody18.Count) throw new ArgumentException("Expected 18 OpenPose keypoints.",
            nameof(openPose));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} " +
            $"{height}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#000000\"/>");
        for (var i = 0; i < Limbs.Count; i++)
        {
            var (a, b) = (openPose[Limbs[i].A], openPose[Limbs[i].B]);
            if (a.Score <= 0 || b.Score <= 0) continue;
            sb.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{MannequinSvg.F(a.X)}\" y1=\"{MannequinSvg.F(a.Y)}\" x2=\"{MannequinSvg.F(b.X)}\" " +
                $"y2=\"{MannequinSvg.F(b.Y)}\" stroke=\"{Hex(Colours[i])}\" stroke-opacity=\"0.6\" " +
                $"stroke-width=\"{MannequinSvg.F(2 * stickWidth)}\" stroke-linecap=\"round\"/>");
        }
        for (var j = 0; j < openPose.Count; j++)
        {
            if (openPose[j].Score <= 0) continue;
            sb.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{MannequinSvg.F(openPose[j].X)}\" cy=\"{MannequinSvg.F(openPose[j].Y)}\" " +
                $"r=\"{MannequinSvg.F(jointRadius)}\" fill=\"{Hex(Colours[j])}\"/>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    public static string Render(ProjectedBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Render(body.ToOpenPose(), body.CanvasWidth, body.CanvasHeight);
    }

    private static string Hex((byte R, byte G, byte B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";
}
