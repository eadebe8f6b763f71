using System.Globalization;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Similarity;

namespace PoseGen.Core.Poses.Reading;

/// <summary>
/// One joint angle to show on the photo: its name in words, degrees and where its vertex is (image pixels).
/// </summary>
public sealed record AngleReading(string Name, string Label, double Degrees, double X, double Y);

/// <summary>What a coach would say at a glance about one pose: key joint angles and up to three observations.</summary>
public sealed record PoseReading(IReadOnlyList<AngleReading> Angles, IReadOnlyList<string> Observations);

/// <summary>
/// Reads a single pose in plain words. The limits below are coaching conventions chosen before looking at any photo
/// (a joint within 20° of straight reads as straight, a line within 5° of horizontal as level, a trunk within 10° of
/// vertical as upright, a shin within 10° of vertical as stacked over the ankle); nothing in the fixtures labels such
/// observations, so none was fitted to data. Each observation needs every joint it talks about to be seen at
/// <see cref="MinScore"/>, the confidence from which the pages draw a joint.
/// </summary>
public static class PoseReader
{
    public const double MinScore = 0.3;
    private const double StraightDeg = 160;
    private const double LevelDeg = 5;
    private const double UprightDeg = 10;
    private const double StackedShinDeg = 10;
    private const int MaxObservations = 3;

    public static PoseReading Read(IReadOnlyList<Keypoint> pose, KeypointLayout layout)
    {
        var angles = new List<AngleReading>();
        foreach (var definition in JointAngles.Definitions)
        {
            if (JointAngles.Measure(pose, layout, definition, MinScore) is not { } measured) continue;
            BodyFrame.TryGet(pose, layout, definition.Vertex, out var vertex, MinScore);
            angles.Add(new AngleReading(definition.Name, Part(definition), Math.Round(measured.Degrees), vertex.X,
                vertex.Y));
        }
        // Most telling first: the trunk carries everything, then the legs, raised arms, and levelness.
        var observations = new[] { Trunk(pose, layout), Knees(pose, layout, angles), Arms(angles),
                Level(pose, layout, "hips", BodyJoint.LeftHip, BodyJoint.RightHip),
                Level(pose, layout, "shoulders", BodyJoint.LeftShoulder, BodyJoint.RightShoulder) }
            .OfType<string>().Take(MaxObservations).ToList();
        return new PoseReading(angles, observations);
    }

    private static string Part(AngleDefinition d) =>
        $"{d.Side.ToString().ToLowerInvariant()} " +
        $"{(d.Kind == AngleKind.Shoulder ? "arm raise" : d.Kind.ToString().ToLowerInvariant())}";

    private static string About(double degrees) =>
        string.Create(CultureInfo.InvariantCulture,
            $"about {Math.Max(5, Math.Round(Math.Abs(degrees) / 5) * 5):0} degrees");

    private static string? Trunk(IReadOnlyList<Keypoint> pose, KeypointLayout layout)
    {
        if (JointAngles.Lean(pose, layout, MinScore) is not { } lean) return null;
        if (Math.Abs(lean.Degrees) < UprightDeg) return "Upper body upright.";
        var way = lean.Plane == LeanPlane.Sagittal
            ? lean.Degrees > 0 ? "forward" : "back"
            : lean.Degrees > 0 ? "to your left" : "to your right";
        return $"Upper body leans {way}, {About(lean.Degrees)}.";
    }

    /// <summary>
    /// Bent knees: how far, and whether each shin stands upright over its ankle (the knee-over-ankle cue).
    /// </summary>
    private static string? Knees(IReadOnlyList<Keypoint> pose, KeypointLayout layout, List<AngleReading> angles)
    {
        var bent = angles.Where(a => a.Name.EndsWith("_knee", StringComparison.Ordinal) && a.Degrees < StraightDeg)
            .ToList();
        if (bent.Count == 0)
            return angles.Count(a => a.Name.EndsWith("_knee", StringComparison.Ordinal)) == 2 ? "Both legs straight."
                : null;
        var parts = new List<string>();
        foreach (var knee in bent)
        {
            var left = knee.Name.StartsWith("left", StringComparison.Ordinal);
            var side = left ? "left" : "right";
            var shin = ShinTilt(pose, layout, left ? BodyJoint.LeftKnee : BodyJoint.RightKnee,
                left ? BodyJoint.LeftAnkle : BodyJoint.RightAnkle);
            var stack = shin is not { } tilt ? ""
                : tilt <= StackedShinDeg ? ", knee over the ankle"
                : $", shin tilted {About(tilt)}";
            parts.Add($"{side} knee bent {About(180 - knee.Degrees)}{stack}");
        }
        var sentence = string.Join("; ", parts);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private static double? ShinTilt(IReadOnlyList<Keypoint> pose, KeypointLayout layout, BodyJoint knee,
        BodyJoint ankle)
    {
        if (!BodyFrame.TryGet(pose, layout, knee, out var k, MinScore)
            || !BodyFrame.TryGet(pose, layout, ankle, out var a, MinScore))
            return null;
        double dx = k.X - a.X, dy = a.Y - k.Y;
        return dx == 0 && dy == 0 ? null : Math.Abs(Math.Atan2(dx, dy)) * 180 / Math.PI;
    }

    /// <summary>
    /// Whether a left-right pair of joints is level. Only when the camera sees the body from the front or the back (the
    /// pair at least 0.3 torso lengths apart across the image): from the side the pair overlaps and its tilt means
    /// nothing.
    /// </summary>
    private static string? Level(IReadOnlyList<Keypoint> pose, KeypointLayout layout, string pair, BodyJoint leftJoint,
        BodyJoint rightJoint)
    {
        if (!BodyFrame.TryGet(pose, layout, leftJoint, out var l, MinScore)
            || !BodyFrame.TryGet(pose, layout, rightJoint, out var r, MinScore))
            return null;
        var dx = Math.Abs(l.X - r.X);
        if (dx < 0.3 * BodyFrame.TorsoLength(pose, layout, MinScore)) return null;
        var tilt = Math.Atan2(Math.Abs(l.Y - r.Y), dx) * 180 / Math.PI;
        if (tilt < LevelDeg) return $"{char.ToUpperInvariant(pair[0])}{pair[1..]} level.";
        var higher = l.Y < r.Y ? "left" : "right";
        return $"Your {higher} {pair[..^1]} is higher, the line tilted {About(tilt)}.";
    }

    private static string? Arms(List<AngleReading> angles)
    {
        var elbows = angles.Where(a => a.Name.EndsWith("_elbow", StringComparison.Ordinal)).ToList();
        var raises = angles.Where(a => a.Name.EndsWith("_shoulder", StringComparison.Ordinal)).ToList();
        if (raises.Count == 2 && raises.All(a => a.Degrees >= 150)) return "Both arms overhead.";
        if (raises.Count == 2 && raises.All(a => a.Degrees is >= 75 and <= 105))
            return "Both arms out at shoulder height.";
        if (raises.Count == 2 && raises.All(a => a.Degrees >= 45) && elbows.Count == 2
            && elbows.All(a => a.Degrees >= StraightDeg))
            return "Both arms raised and straight.";
        return null;
    }
}
