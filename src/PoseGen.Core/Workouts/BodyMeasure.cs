using System.Numerics;

namespace PoseGen.Core.Workouts;

/// <summary>
/// A <see cref="MeasureDefinition"/> resolved to keypoint indices: one joint list per side (two when any name is
/// side-neutral, else one). Evaluated on smoothed points in image-height units with per-joint visibility.
/// </summary>
internal sealed class BodyMeasure
{
    private readonly MeasureDefinition _definition;
    private readonly int[][] _joints;
    private readonly int[][]? _per;

    public BodyMeasure(MeasureDefinition definition)
    {
        _definition = definition;
        var names = definition.Joints.Concat(definition.Per ?? []).ToList();
        bool[] sides = names.Any(JointNames.IsSideNeutral) ? [true, false] : [true];
        _joints = [.. sides.Select(left => definition.Joints.Select(n => JointNames.Resolve(n, left)).ToArray())];
        _per = definition.Per is { } per ? [.. sides.Select(left =>
            per.Select(n => JointNames.Resolve(n, left)).ToArray())] : null;
    }

    public MeasureKind Kind => _definition.Kind;

    /// <summary>Whether the measure picks one side's value (the smaller, the larger, or their difference) rather than
    /// averaging the sides seen.</summary>
    public bool PicksASide => _definition.Combine is SideCombine.Min or SideCombine.Max or SideCombine.Spread;

    /// <summary>Degrees for angles and tilts, a ratio otherwise.</summary>
    public string Unit => Kind is MeasureKind.Angle or MeasureKind.Tilt ? "deg" : "ratio";

    /// <summary>The combined value over the visible sides, or null when no side has all its joints visible.</summary>
    public double? Evaluate(ReadOnlySpan<Vector2> points, ReadOnlySpan<bool> visible, double? similarity)
    {
        if (Kind == MeasureKind.Similarity) return similarity;
        double sum = 0, min = double.MaxValue, max = double.MinValue;
        var count = 0;
        for (var s = 0; s < _joints.Length; s++)
        {
            if (!AllVisible(_joints[s], visible) || (_per is not null && !AllVisible(_per[s], visible))) continue;
            if (EvaluateSide(points, _joints[s], _per?[s]) is not { } v) continue;
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            count++;
        }
        if (count == 0) return null;
        return _definition.Combine switch
        {
            SideCombine.Min => min,
            SideCombine.Max => max,
            SideCombine.Spread => count == 2 ? max - min : null,
            _ => sum / count,
        };
    }

    private static bool AllVisible(int[] joints, ReadOnlySpan<bool> visible)
    {
        foreach (var j in joints)
            if (!visible[j]) return false;
        return true;
    }

    private double? EvaluateSide(ReadOnlySpan<Vector2> p, int[] j, int[]? per)
    {
        double? scale = per is null ? 1.0 : Vector2.Distance(p[per[0]], p[per[1]]);
        if (scale is < 1e-6) return null;
        return Kind switch
        {
            MeasureKind.Angle => Angle(p[j[0]], p[j[1]], p[j[2]]),
            MeasureKind.Tilt => Tilt(p[j[0]], p[j[1]]),
            MeasureKind.Distance => AxisDistance(p[j[0]], p[j[1]], _definition.Axis) / scale,
            MeasureKind.Rise => (p[j[0]].Y - p[j[1]].Y) / scale,
            MeasureKind.LineOffset => LineOffset(p[j[0]], p[j[1]], p[j[2]]),
            _ => null,
        };
    }

    /// <summary>Interior angle at <paramref name="b"/> in degrees, [0, 180].</summary>
    public static double? Angle(Vector2 a, Vector2 b, Vector2 c)
    {
        var u = a - b;
        var v = c - b;
        var norms = u.Length() * v.Length();
        if (norms < 1e-9) return null;
        var cos = Math.Clamp(Vector2.Dot(u, v) / norms, -1f, 1f);
        return Math.Acos(cos) * 180 / Math.PI;
    }

    /// <summary>Angle of the line a-b from the image vertical in degrees, [0, 90].</summary>
    public static double? Tilt(Vector2 a, Vector2 b)
    {
        var d = b - a;
        if (d.LengthSquared() < 1e-12) return null;
        return Math.Atan2(Math.Abs(d.X), Math.Abs(d.Y)) * 180 / Math.PI;
    }

    /// <summary>
    /// Signed distance of b from the line a-c over |a-c|; positive when b is below the line (image y grows down).
    /// </summary>
    public static double? LineOffset(Vector2 a, Vector2 b, Vector2 c)
    {
        var v = c - a;
        var w = b - a;
        var len2 = v.LengthSquared();
        if (len2 < 1e-12) return null;
        // cross / |v| is the distance along the normal (-v.Y, v.X)/|v|; that normal points down (+y) when v.X >= 0.
        var cross = (v.X * w.Y) - (v.Y * w.X);
        return cross / len2 * (v.X >= 0 ? 1 : -1);
    }

    private static double AxisDistance(Vector2 a, Vector2 b, DistanceAxis axis) => axis switch
    {
        DistanceAxis.X => Math.Abs(a.X - b.X),
        DistanceAxis.Y => Math.Abs(a.Y - b.Y),
        _ => Vector2.Distance(a, b),
    };
}
