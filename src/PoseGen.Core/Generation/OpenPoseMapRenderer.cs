using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Generation;

/// <summary>
/// Draws ControlNet OpenPose conditioning maps the way controlnet_aux's and DWPose's <c>draw_bodypose</c> do: on black,
/// the 17 limbs as filled ellipses of half-width 4 px in colours 0..16, the whole limb layer multiplied by 0.6 and
/// truncated to bytes (numpy <c>(canvas * 0.6).astype(uint8)</c>), then the 18 joints as filled circles of radius 4 in
/// full colour. Later limbs and joints paint over earlier ones. ControlNet 1.1's own annotator differs where shapes
/// overlap (joints first, each limb blended 0.4/0.6 over them): tools/openpose-reference/README.md has the comparison.
/// </summary>
public static class OpenPoseMapRenderer
{
    public const int StickHalfWidth = 4;
    public const int JointRadius = 4;
    public const double LimbDimming = 0.6;

    /// <summary>Limbs as 0-based pairs of <see cref="OpenPoseBody18"/> joints; limb i uses colour i.</summary>
    public static readonly IReadOnlyList<(int From, int To)> Limbs =
    [
        (1, 2), (1, 5), (2, 3), (3, 4), (5, 6), (6, 7), (1, 8), (8, 9), (9, 10), (1, 11), (11, 12), (12, 13),
        (1, 0), (0, 14), (14, 16), (0, 15), (15, 17),
    ];

    /// <summary>The annotator's 18 RGB colours; joint i and limb i use colour i.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> Colors =
    [
        (255, 0, 0), (255, 85, 0), (255, 170, 0), (255, 255, 0), (170, 255, 0), (85, 255, 0), (0, 255, 0),
        (0, 255, 85), (0, 255, 170), (0, 255, 255), (0, 170, 255), (0, 85, 255), (0, 0, 255), (85, 0, 255),
        (170, 0, 255), (255, 0, 255), (255, 0, 170), (255, 0, 85),
    ];

    /// <summary>
    /// Renders one or more people. Each person is 18 <see cref="OpenPoseBody18"/> joints in pixels of a
    /// <paramref name="width"/> x <paramref name="height"/> canvas; a joint with score 0 or less is missing, and so is
    /// every limb touching it (what <see cref="OpenPoseBody18.Convert"/> produces for undetected joints).
    /// </summary>
    public static RgbImage Render(int width, int height, IReadOnlyList<IReadOnlyList<Keypoint>> people)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(people);
        foreach (var person in people)
        {
            if (person is null || person.Count != OpenPoseBody18.Count)
                throw new ArgumentException($"Each person needs {OpenPoseBody18.Count} OpenPose joints.",
                    nameof(people));
        }
        var rgb = new byte[checked(width * height * 3)];

        // Same loop nesting as the annotator: limb-major, then person.
        for (var i = 0; i < Limbs.Count; i++)
        {
            foreach (var person in people)
            {
                var (a, b) = (person[Limbs[i].From], person[Limbs[i].To]);
                if (!(a.Score > 0) || !(b.Score > 0)) continue;
                OpenCvRaster.FillConvexPolygon(rgb, width, height, LimbPolygon(a, b), Colors[i]);
            }
        }
        for (var k = 0; k < rgb.Length; k++) rgb[k] = (byte)(rgb[k] * LimbDimming);

        for (var i = 0; i < OpenPoseBody18.Count; i++)
        {
            foreach (var person in people)
            {
                var j = person[i];
                if (!(j.Score > 0)) continue;
                OpenCvRaster.FillCircle(rgb, width, height, (int)j.X, (int)j.Y, JointRadius, Colors[i]);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    public static RgbImage Render(int width, int height, IReadOnlyList<Keypoint> person) =>
        Render(width, height, [person]);

    /// <summary>Renders detected COCO poses; joints scoring below <paramref name="threshold"/> are left out.</summary>
    public static RgbImage Render(int width, int height, IEnumerable<Pose> poses, float threshold)
    {
        ArgumentNullException.ThrowIfNull(poses);
        return Render(width, height, [.. poses.Select(p => (IReadOnlyList<Keypoint>)OpenPoseBody18.Convert(p.Keypoints,
            threshold))]);
    }

    /// <summary>
    /// The annotator's limb outline: centre = midpoint truncated to int, half-length = int(length / 2), half-width 4,
    /// angle = int(degrees(atan2(dy, dx))) truncated toward zero, sampled every degree. Computed in double as numpy
    /// does.
    /// </summary>
    public static IReadOnlyList<(int X, int Y)> LimbPolygon(Keypoint a, Keypoint b)
    {
        double ax = a.X, ay = a.Y, bx = b.X, by = b.Y;
        var length = Math.Sqrt((ay - by) * (ay - by) + (ax - bx) * (ax - bx));
        var angle = Math.Atan2(ay - by, ax - bx) * 180 / Math.PI;
        return OpenCvRaster.EllipsePolygon(
            (int)((ax + bx) / 2), (int)((ay + by) / 2), (int)(length / 2), StickHalfWidth, (int)angle, 0, 360, 1);
    }
}
