using System.Numerics;

namespace PoseGen.Core.Library;

/// <summary>Body parts a pose can rest on.</summary>
public enum Support { LeftFoot, RightFoot, LeftKnee, RightKnee, LeftHand, RightHand, LeftForearm, RightForearm, Hips,
    Back, Head }

/// <summary>
/// The body's surface near the floor, approximated as spheres around points: the lowest point of a sphere is its centre
/// minus its radius (metres). Radii are rough adult half-thicknesses: buttocks 0.09 below the hip joints, back 0.10
/// behind the spine, knee 0.05, forearm 0.04, palm 0.02, head 0.9 of its radius.
/// </summary>
public static class Contacts
{
    private static readonly (Support Support, BodyPoint Point, float Radius)[] Surface =
    [
        (Support.LeftFoot, BodyPoint.LeftHeel, 0.01f), (Support.LeftFoot, BodyPoint.LeftToe, 0.01f),
        (Support.RightFoot, BodyPoint.RightHeel, 0.01f), (Support.RightFoot, BodyPoint.RightToe, 0.01f),
        (Support.LeftKnee, BodyPoint.LeftKnee, 0.05f), (Support.RightKnee, BodyPoint.RightKnee, 0.05f),
        (Support.LeftHand, BodyPoint.LeftHand, 0.02f), (Support.RightHand, BodyPoint.RightHand, 0.02f),
        (Support.LeftForearm, BodyPoint.LeftElbow, 0.04f), (Support.RightForearm, BodyPoint.RightElbow, 0.04f),
        (Support.Hips, BodyPoint.LeftHip, 0.09f), (Support.Hips, BodyPoint.RightHip, 0.09f),
        (Support.Hips, BodyPoint.Pelvis, 0.09f),
        (Support.Back, BodyPoint.Waist, 0.10f), (Support.Back, BodyPoint.NeckBase, 0.10f),
        (Support.Back, BodyPoint.LeftShoulder, 0.06f), (Support.Back, BodyPoint.RightShoulder, 0.06f),
        (Support.Head, BodyPoint.HeadCenter, 0.9f),
    ];

    /// <summary>Height of the lowest surface of one support group above the floor (metres).</summary>
    public static float Height(Body3D body, Support support)
    {
        ArgumentNullException.ThrowIfNull(body);
        var min = float.MaxValue;
        foreach (var s in Surface)
        {
            if (s.Support != support) continue;
            var r = s.Support == Support.Head ? s.Radius * (float)body.Proportions.HeadRadius : s.Radius;
            min = Math.Min(min, body[s.Point].Y - r);
        }
        return min;
    }

    /// <summary>Lowest surface height of the whole body.</summary>
    public static float Lowest(Body3D body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lowest = body.Points.Min(p => p.Y);
        foreach (var s in Enum.GetValues<Support>()) lowest = Math.Min(lowest, Height(body, s));
        return lowest;
    }

    /// <summary>Floor-plane (X, Z) points where a support group touches, for the balance check.</summary>
    public static IEnumerable<Vector2> Footprint(Body3D body, Support support)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Surface.Where(s => s.Support == support).Select(s => new Vector2(body[s.Point].X, body[s.Point].Z));
    }

    /// <summary>
    /// Whole-body centre of mass from segment midpoints weighted by Dempster's mass fractions (Winter, table 4.1):
    /// head and neck 0.081, trunk 0.497, upper arm 0.028, forearm 0.016, hand 0.006, thigh 0.100, shank 0.0465, foot
    /// 0.0145.
    /// </summary>
    public static Vector3 CentreOfMass(Body3D body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Vector3 Mid(BodyPoint a, BodyPoint b) => (body[a] + body[b]) / 2;
        var com = (0.081f * body[BodyPoint.HeadCenter]) + (0.497f * Mid(BodyPoint.Pelvis, BodyPoint.NeckBase));
        foreach (var left in new[] { true, false })
        {
            BodyPoint P(BodyPoint l, BodyPoint r) => left ? l : r;
            com += 0.028f * Mid(P(BodyPoint.LeftShoulder, BodyPoint.RightShoulder),
                P(BodyPoint.LeftElbow, BodyPoint.RightElbow));
            com += 0.016f * Mid(P(BodyPoint.LeftElbow, BodyPoint.RightElbow),
                P(BodyPoint.LeftWrist, BodyPoint.RightWrist));
            com += 0.006f * body[P(BodyPoint.LeftHand, BodyPoint.RightHand)];
            com += 0.100f * Mid(P(BodyPoint.LeftHip, BodyPoint.RightHip), P(BodyPoint.LeftKnee, BodyPoint.RightKnee));
            com += 0.0465f * Mid(P(BodyPoint.LeftKnee, BodyPoint.RightKnee),
                P(BodyPoint.LeftAnkle, BodyPoint.RightAnkle));
            com += 0.0145f * Mid(P(BodyPoint.LeftHeel, BodyPoint.RightHeel), P(BodyPoint.LeftToe, BodyPoint.RightToe));
        }
        return com;
    }
}
