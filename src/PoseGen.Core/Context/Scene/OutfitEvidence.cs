using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Context.Scene;

/// <summary>
/// One body region of the person: sampled pixels, the share that is skin, and the mean colour of the rest.
/// </summary>
public sealed record BodyRegion(int Samples, float Skin, (byte R, byte G, byte B) Colour, float Brightness,
    float Saturation)
{
    public static BodyRegion None { get; } = new(0, 0, (0, 0, 0), 0, 0);

    public bool Seen => Samples >= 8;
}

/// <summary>
/// The person split by keypoints: torso (the shoulder-hip quadrilateral's box), arms (bands along shoulder-elbow-wrist)
/// and legs (bands along hip-knee-ankle, the lower legs separately for leg coverage). Bands are 0.25 shoulder widths
/// wide. Only keypoints scoring 0.3 or more are used; only pixels the person test accepts are sampled.
/// </summary>
public sealed record OutfitEvidence(BodyRegion Torso, BodyRegion Arms, BodyRegion UpperLegs, BodyRegion LowerLegs)
{
    private const float MinKeypoint = 0.3f;

    public static OutfitEvidence Measure(RgbImage image, Pose pose, Func<int, int, bool> isPerson)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(pose);
        var ls = pose[CocoKeypoint.LeftShoulder];
        var rs = pose[CocoKeypoint.RightShoulder];
        var width = Math.Max(8f, Distance(ls, rs));
        var band = width * 0.25f;
        var torsoPoints = new[] { ls, rs, pose[CocoKeypoint.LeftHip],
            pose[CocoKeypoint.RightHip] }.Where(k => k.Score >= MinKeypoint).ToArray();
        var torso = torsoPoints.Length >= 3
            ? Sample(image, isPerson, Box(torsoPoints, width * 0.1f))
            : BodyRegion.None;
        var arms = Segments(image, isPerson, band, pose,
            (CocoKeypoint.LeftShoulder, CocoKeypoint.LeftElbow), (CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist),
            (CocoKeypoint.RightShoulder, CocoKeypoint.RightElbow), (CocoKeypoint.RightElbow, CocoKeypoint.RightWrist));
        var upper = Segments(image, isPerson, band, pose, (CocoKeypoint.LeftHip, CocoKeypoint.LeftKnee),
            (CocoKeypoint.RightHip, CocoKeypoint.RightKnee));
        var lower = Segments(image, isPerson, band, pose, (CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle),
            (CocoKeypoint.RightKnee, CocoKeypoint.RightAnkle));
        return new OutfitEvidence(torso, arms, upper, lower);
    }

    private static BodyRegion Segments(RgbImage image, Func<int, int, bool> isPerson, float band, Pose pose,
        params (CocoKeypoint A, CocoKeypoint B)[] bones)
    {
        var points = new List<(int X, int Y)>();
        foreach (var (a, b) in bones)
        {
            Keypoint p = pose[a], q = pose[b];
            if (p.Score < MinKeypoint || q.Score < MinKeypoint)
                continue;
            var length = Distance(p, q);
            var steps = Math.Max(2, (int)(length / Math.Max(1, band / 2)));
            // Skip the first and last 15% of the bone so joints (hands, neck, shoes) are not counted as the garment.
            for (var s = (int)(steps * 0.15); s <= (int)(steps * 0.85); s++)
            {
                var t = (float)s / steps;
                float cx = p.X + ((q.X - p.X) * t), cy = p.Y + ((q.Y - p.Y) * t);
                for (var o = -2; o <= 2; o++)
                {
                    // Across the bone: the unit normal times up to half the band.
                    float nx = -(q.Y - p.Y) / Math.Max(1, length), ny = (q.X - p.X) / Math.Max(1, length);
                    points.Add(((int)(cx + (nx * band * o / 4)), (int)(cy + (ny * band * o / 4))));
                }
            }
        }
        return Sample(image, isPerson, points);
    }

    private static IEnumerable<(int X, int Y)> Box(Keypoint[] points, float inset)
    {
        float x0 = points.Min(p => p.X) + inset, x1 = points.Max(p => p.X) - inset;
        float y0 = points.Min(p => p.Y) + inset, y1 = points.Max(p => p.Y) - inset;
        var step = Math.Max(1f, Math.Max(x1 - x0, y1 - y0) / 24);
        for (var y = y0; y <= y1; y += step)
            for (var x = x0; x <= x1; x += step)
                yield return ((int)x, (int)y);
    }

    private static BodyRegion Sample(RgbImage image, Func<int, int, bool> isPerson, IEnumerable<(int X, int Y)> points)
    {
        int samples = 0, skin = 0, other = 0;
        long r = 0, g = 0, b = 0;
        foreach (var (x, y) in points)
        {
            if (x < 0 || y < 0 || x >= image.Width || y >= image.Height || !isPerson(x, y))
                continue;
            var i = ((y * image.Width) + x) * 3;
            var (pr, pg, pb) = (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
            samples++;
            if (PixelColour.IsSkin(pr, pg, pb))
            {
                skin++;
                continue;
            }
            other++;
            r += pr; g += pg; b += pb;
        }
        if (samples == 0)
            return BodyRegion.None;
        var colour = other == 0 ? ((byte)0, (byte)0, (byte)0) : ((byte)(r / other), (byte)(g / other),
            (byte)(b / other));
        var (_, s, v) = PixelColour.Hsv(colour.Item1, colour.Item2, colour.Item3);
        return new BodyRegion(samples, (float)skin / samples, colour, v, s);
    }

    private static float Distance(Keypoint a, Keypoint b) => MathF.Sqrt(
        ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
