using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Context.Scene;

/// <summary>Hand-built test photos: painted bands and rectangles, and a standing person's keypoints.</summary>
internal static class SceneImages
{
    public static readonly (byte, byte, byte) Sky = (135, 190, 235);
    public static readonly (byte, byte, byte) Sand = (222, 198, 150);
    public static readonly (byte, byte, byte) Grass = (60, 140, 50);
    public static readonly (byte, byte, byte) Snow = (240, 242, 245);
    public static readonly (byte, byte, byte) Grey = (128, 128, 128);
    public static readonly (byte, byte, byte) Skin = (205, 150, 120);
    public static readonly (byte, byte, byte) Navy = (30, 40, 70);

    public static RgbImage Filled(int width, int height, (byte R, byte G, byte B) colour)
    {
        var image = new RgbImage(width, height, new byte[width * height * 3]);
        Paint(image, 0, 0, width, height, colour);
        return image;
    }

    public static void Paint(RgbImage image, int x0, int y0, int x1, int y1, (byte R, byte G, byte B) colour)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(image.Height, y1); y++)
            for (var x = Math.Max(0, x0); x < Math.Min(image.Width, x1); x++)
            {
                var i = ((y * image.Width) + x) * 3;
                (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = colour;
            }
    }

    /// <summary>
    /// Alternating light and dark vertical and horizontal bars: the straight edges of walls, shelves, windows.
    /// </summary>
    public static void Bars(RgbImage image, int x0, int y0, int x1, int y1, int period)
    {
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
            {
                var dark = ((x / period) + (y / period)) % 2 == 0;
                var i = ((y * image.Width) + x) * 3;
                var v = (byte)(dark ? 60 : 200);
                (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = (v, (byte)(v - 10), (byte)(v - 20));
            }
    }

    /// <summary>
    /// A standing person centred at x = cx, head at y0, feet at y0 + height: 17 COCO keypoints, all scored 0.9.
    /// </summary>
    public static Pose Standing(float cx, float y0, float height)
    {
        var k = new Keypoint[17];
        void Set(CocoKeypoint j, float dx, float dy) => k[(int)j] =
            new Keypoint(cx + (dx * height), y0 + (dy * height), 0.9f);
        Set(CocoKeypoint.Nose, 0, 0.06f); Set(CocoKeypoint.LeftEye, 0.02f, 0.05f); Set(CocoKeypoint.RightEye, -0.02f,
            0.05f);
        Set(CocoKeypoint.LeftEar, 0.04f, 0.06f); Set(CocoKeypoint.RightEar, -0.04f, 0.06f);
        Set(CocoKeypoint.LeftShoulder, 0.11f, 0.18f); Set(CocoKeypoint.RightShoulder, -0.11f, 0.18f);
        Set(CocoKeypoint.LeftElbow, 0.15f, 0.33f); Set(CocoKeypoint.RightElbow, -0.15f, 0.33f);
        Set(CocoKeypoint.LeftWrist, 0.17f, 0.47f); Set(CocoKeypoint.RightWrist, -0.17f, 0.47f);
        Set(CocoKeypoint.LeftHip, 0.07f, 0.52f); Set(CocoKeypoint.RightHip, -0.07f, 0.52f);
        Set(CocoKeypoint.LeftKnee, 0.08f, 0.74f); Set(CocoKeypoint.RightKnee, -0.08f, 0.74f);
        Set(CocoKeypoint.LeftAnkle, 0.08f, 0.96f); Set(CocoKeypoint.RightAnkle, -0.08f, 0.96f);
        return new Pose(k, 0.9f, new BoundingBox(cx - (0.2f * height), y0, 0.4f * height, height));
    }

    /// <summary>Paints a person's limbs and torso in the given colours (thick strokes along the bones).</summary>
    public static void Dress(RgbImage image, Pose pose, (byte, byte, byte) torso, (byte, byte, byte) arms,
        (byte, byte, byte) legs)
    {
        var ls = pose[CocoKeypoint.LeftShoulder];
        var rh = pose[CocoKeypoint.RightHip];
        Paint(image, (int)rh.X - 6, (int)ls.Y, (int)ls.X + 1, (int)rh.Y + 1, torso);
        Paint(image, (int)pose[CocoKeypoint.RightShoulder].X, (int)ls.Y, (int)ls.X + 1, (int)rh.Y + 1, torso);
        Stroke(image, pose, arms, (CocoKeypoint.LeftShoulder, CocoKeypoint.LeftElbow),
            (CocoKeypoint.LeftElbow, CocoKeypoint.LeftWrist),
            (CocoKeypoint.RightShoulder, CocoKeypoint.RightElbow), (CocoKeypoint.RightElbow, CocoKeypoint.RightWrist));
        Stroke(image, pose, legs, (CocoKeypoint.LeftHip, CocoKeypoint.LeftKnee),
            (CocoKeypoint.LeftKnee, CocoKeypoint.LeftAnkle),
            (CocoKeypoint.RightHip, CocoKeypoint.RightKnee), (CocoKeypoint.RightKnee, CocoKeypoint.RightAnkle));
    }

    private static void Stroke(RgbImage image, Pose pose, (byte, byte, byte) colour,
        params (CocoKeypoint A, CocoKeypoint B)[] bones)
    {
        foreach (var (a, b) in bones)
            for (var t = 0f; t <= 1; t += 0.01f)
            {
                var x = pose[a].X + ((pose[b].X - pose[a].X) * t);
                var y = pose[a].Y + ((pose[b].Y - pose[a].Y) * t);
                Paint(image, (int)x - 8, (int)y - 8, (int)x + 8, (int)y + 8, colour);
            }
    }

    public static DetectedObject Object(string label, float score = 0.8f) =>
        new(label, score, new BoundingBox(10, 10, 20, 20));
}
