using System.Globalization;
using System.Numerics;
using System.Text;

namespace PoseGen.Core.Library;

/// <summary>
/// Draws a projected body as a wooden-mannequin style SVG: tapered, rounded limbs, a torso polygon and a head, painted
/// far-to-near by their depth so a limb behind the torso is hidden by it. Parts further from the camera are shaded
/// darker.
/// </summary>
public static class MannequinSvg
{
    /// <summary>
    /// Segment radii at the proximal and distal end, in metres for a 1.70 m adult (scaled with height).
    /// </summary>
    private static readonly (BodyPoint A, BodyPoint B, float Ra, float Rb)[] Segments =
    [
        (BodyPoint.NeckBase, BodyPoint.HeadCenter, 0.045f, 0.045f),
        (BodyPoint.LeftShoulder, BodyPoint.LeftElbow, 0.048f, 0.038f),
        (BodyPoint.LeftElbow, BodyPoint.LeftWrist, 0.036f, 0.026f),
        (BodyPoint.LeftWrist, BodyPoint.LeftHand, 0.028f, 0.03f),
        (BodyPoint.RightShoulder, BodyPoint.RightElbow, 0.048f, 0.038f),
        (BodyPoint.RightElbow, BodyPoint.RightWrist, 0.036f, 0.026f),
        (BodyPoint.RightWrist, BodyPoint.RightHand, 0.028f, 0.03f),
        (BodyPoint.LeftHip, BodyPoint.LeftKnee, 0.075f, 0.05f), (BodyPoint.LeftKnee, BodyPoint.LeftAnkle, 0.05f,
            0.032f),
        (BodyPoint.LeftHeel, BodyPoint.LeftToe, 0.03f, 0.025f),
        (BodyPoint.RightHip, BodyPoint.RightKnee, 0.075f, 0.05f),
        (BodyPoint.RightKnee, BodyPoint.RightAnkle, 0.05f, 0.032f),
        (BodyPoint.RightHeel, BodyPoint.RightToe, 0.03f, 0.025f),
    ];

    public static string Render(ProjectedBody body, PoseProp prop = PoseProp.None, string background = "#f7f5f2")
    {
        ArgumentNullException.ThrowIfNull(body);
        var k = body.Scale * (float)(body.Source.Proportions.Height / BodyProportions.DefaultHeight);
        var depths = body.Depth;
        var (near, far) = (depths.Max(), depths.Min());
        var parts = new List<(float Depth, string Svg)>();
        foreach (var (a, b, ra, rb) in Segments)
        {
            var depth = (depths[(int)a] + depths[(int)b]) / 2;
            parts.Add((depth, Capsule(body[a], body[b], ra * k, rb * k, Shade(depth, near, far))));
        }
        BodyPoint[] torso = [BodyPoint.LeftShoulder, BodyPoint.NeckBase, BodyPoint.RightShoulder, BodyPoint.RightHip,
            BodyPoint.Pelvis, BodyPoint.LeftHip];
        var torsoDepth = torso.Average(p => depths[(int)p]);
        // The torso polygon is widened by a limb radius so its outline covers the shoulder and hip joints.
        parts.Add((torsoDepth, Polygon(torso.Select(p => body[p]).ToArray(), 0.05f * k, Shade(torsoDepth, near, far))));
        var head = body[BodyPoint.HeadCenter];
        var headR = (float)body.Source.Proportions.HeadRadius * body.Scale * 0.9f;
        var headDepth = depths[(int)BodyPoint.HeadCenter];
        var face = Vector2.Lerp(head, body[BodyPoint.Nose], 0.75f);
        parts.Add(
            (headDepth + 0.001f,
                $"<g><circle cx=\"{F(head.X)}\" cy=\"{F(head.Y)}\" r=\"{F(headR)}\" " +
                $"fill=\"{Shade(headDepth, near, far)}\"/>" +
            $"<circle cx=\"{F(face.X)}\" cy=\"{F(face.Y)}\" r=\"{F(headR * 0.18f)}\" fill=\"#5b6b80\" " +
            $"fill-opacity=\"0.5\"/></g>"));

        var sb = new StringBuilder();
        var (w, h) = (body.CanvasWidth, body.CanvasHeight);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"{background}\"/>");
        var ground = body.Points.Max(p => p.Y);
        sb.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"0\" y1=\"{F(ground)}\" x2=\"{w}\" y2=\"{F(ground)}\" stroke=\"#d8d2c8\" stroke-width=\"2\"/>");
        if (prop == PoseProp.Chair) sb.Append(Chair(body, ground));
        foreach (var part in parts.OrderBy(p => p.Depth)) sb.Append(part.Svg);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A plain chair under the hips: seat at <see cref="Grounding.ChairSeatRatio"/> of the height, 0.42 m wide.
    /// </summary>
    private static string Chair(ProjectedBody body, float ground)
    {
        var k = body.Scale * (float)body.Source.Proportions.Height;
        var seat = ground - ((float)Grounding.ChairSeatRatio * k);
        var half = 0.42f / 2 / (float)BodyProportions.DefaultHeight * k;
        var x = body[BodyPoint.Pelvis].X;
        return $"<g stroke=\"#b9ada0\" stroke-width=\"{F(0.02f * k / 1.7f)}\" fill=\"#cfc5b8\">" +
               $"<line x1=\"{F(x - half)}\" y1=\"{F(seat)}\" x2=\"{F(x - half)}\" y2=\"{F(ground)}\"/><line " +
               $"x1=\"{F(x + half)}\" y1=\"{F(seat)}\" x2=\"{F(x + half)}\" y2=\"{F(ground)}\"/>" +
               $"<rect x=\"{F(x - half)}\" y=\"{F(seat)}\" width=\"{F(2 * half)}\" " +
               $"height=\"{F(0.03f * k / 1.7f)}\"/></g>";
    }

    private static string Capsule(Vector2 a, Vector2 b, float ra, float rb, string fill)
    {
        var d = b - a;
        var n = d.LengthSquared() < 1e-6f ? Vector2.UnitX : Vector2.Normalize(new Vector2(-d.Y, d.X));
        Vector2[] quad = [a + (n * ra), b + (n * rb), b - (n * rb), a - (n * ra)];
        return $"<g fill=\"{fill}\"><polygon points=\"{Points(quad)}\"/><circle cx=\"{F(a.X)}\" cy=\"{F(a.Y)}\" " +
            $"r=\"{F(ra)}\"/>" +
               $"<circle cx=\"{F(b.X)}\" cy=\"{F(b.Y)}\" r=\"{F(rb)}\"/></g>";
    }

    private static string Polygon(Vector2[] pts, float round, string fill) =>
        $"<polygon points=\"{Points(pts)}\" fill=\"{fill}\" stroke=\"{fill}\" stroke-width=\"{F(2 * round)}\" " +
        $"stroke-linejoin=\"round\"/>";

    /// <summary>Nearest parts are light (#d9c3a5, a beech-wood tone), the farthest about 35 % darker.</summary>
    private static string Shade(float depth, float near, float far)
    {
        var t = near - far < 1e-4f ? 0 : (near - depth) / (near - far);
        var f = 1 - (0.35f * t);
        return $"#{(int)(0xd9 * f):x2}{(int)(0xc3 * f):x2}{(int)(0xa5 * f):x2}";
    }

    private static string Points(IEnumerable<Vector2> pts) => string.Join(' ', pts.Select(p => $"{F(p.X)},{F(p.Y)}"));

    internal static string F(float v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
