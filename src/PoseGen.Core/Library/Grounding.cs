using System.Numerics;

namespace PoseGen.Core.Library;

/// <summary>What a pose rests on besides the floor: a chair seat under the hips, or a wall behind the back.</summary>
public enum PoseProp { None, Chair, Wall }

/// <summary>
/// A grounded body and how well its declared supports touch: <see cref="Residual"/> is the worst gap in metres.
/// </summary>
public sealed record GroundedBody(Body3D Body, RootOrientation Root, double Residual);

/// <summary>
/// Puts a pose on the floor. Authors give approximate root angles; this tilts the whole body (pitch and roll within
/// ±30 degrees of the authored values, coarse-to-fine grid) until every declared support touches its surface, then
/// translates it so the lowest surface is at Y = 0 (or <c>airborne</c> metres above it, for jumps).
/// Cost = sum of support gaps + 1 mm per degree of tilt, so among equally grounded tilts the authored one wins.
/// </summary>
public static class Grounding
{
    /// <summary>Seat height of the chair prop as a fraction of body height (0.45 m for a 1.70 m adult).</summary>
    public const double ChairSeatRatio = 0.265;

    public static GroundedBody Ground(BodyPosture angles, BodyProportions body, IReadOnlyCollection<Support> supports,
        PoseProp prop = PoseProp.None, double airborne = 0)
    {
        ArgumentNullException.ThrowIfNull(angles);
        ArgumentNullException.ThrowIfNull(supports);
        var best = (Cost: double.MaxValue, Pitch: 0.0, Roll: 0.0);
        if (supports.Count <= 1)
        {
            best = (Gap(angles, body, supports, prop), 0, 0);
        }
        else
        {
            foreach (var (range, step) in new[] { (30.0, 5.0), (5.0, 1.0), (1.0, 0.2) })
            {
                var (cp, cr) = (best.Cost == double.MaxValue ? 0 : best.Pitch,
                    best.Cost == double.MaxValue ? 0 : best.Roll);
                for (var dp = -range; dp <= range + 1e-9; dp += step)
                {
                    for (var dr = -range; dr <= range + 1e-9; dr += step)
                    {
                        var (p, r) = (cp + dp, cr + dr);
                        if (Math.Abs(p) > 30 || Math.Abs(r) > 30) continue;
                        var tilted = Tilt(angles, p, r);
                        var cost = Gap(tilted, body, supports, prop) + (0.001 * (Math.Abs(p) + Math.Abs(r)));
                        if (cost < best.Cost) best = (cost, p, r);
                    }
                }
            }
        }
        var final = Tilt(angles, best.Pitch, best.Roll);
        var solved = ForwardKinematics.Solve(final, body);
        var lowest = Contacts.Lowest(solved);
        var pelvis = solved[BodyPoint.Pelvis];
        var grounded = solved.Translate(new Vector3(-pelvis.X, (float)airborne - lowest, -pelvis.Z));
        return new GroundedBody(grounded, final.Root, Gap(final, body, supports, prop));
    }

    private static BodyPosture Tilt(BodyPosture a, double pitch, double roll) =>
        a with { Root = a.Root with { Pitch = a.Root.Pitch + pitch, Roll = a.Root.Roll + roll } };

    private static double Gap(BodyPosture angles, BodyProportions body, IReadOnlyCollection<Support> supports,
        PoseProp prop)
    {
        var solved = ForwardKinematics.Solve(angles, body);
        var lowest = Contacts.Lowest(solved);
        var gap = 0.0;
        foreach (var s in supports)
        {
            var target = prop == PoseProp.Chair && s == Support.Hips ? ChairSeatRatio * body.Height : 0;
            gap += Math.Abs(Contacts.Height(solved, s) - lowest - target);
        }
        return gap;
    }
}
