namespace PoseGen.Core.Library;

/// <summary>
/// Feasibility rules between a pose's geometry and where/in what it can be done. The library data must obey them
/// (tested), and the recommender relies on the data's environment and outfit lists.
/// </summary>
public static class PoseRules
{
    /// <summary>
    /// Places where getting down on the ground is not reasonable (traffic, office floors, standing in water).
    /// </summary>
    public static readonly IReadOnlySet<string> NoFloorEnvironments =
        new HashSet<string> { "street", "office", "water" };

    /// <summary>Clothes that do not allow kneeling, sitting or lying on the ground.</summary>
    public static readonly IReadOnlySet<string> NoFloorOutfits = new HashSet<string> { "formal", "business-casual" };

    /// <summary>Clothes in which hips above the head, or legs apart in the air, are not wearable.</summary>
    public static readonly IReadOnlySet<string> NoInversionOutfits = new HashSet<string> { "dress" };

    /// <summary>
    /// Knee flexion (degrees) from which a knee that bears weight (its foot or the knee itself on the floor) counts as
    /// deeply bent: deep squats, sitting cross-legged or on the heels, knees hugged to the chest. Clinical and coaching
    /// convention for knee pain and meniscus or ligament injuries is to avoid loaded flexion past roughly 90-120
    /// degrees; 120 is the lenient end of that range. Not fitted to the fixtures (no fixture labels contraindications,
    /// so there is no leave-one-out figure). Shaped by looking at the library's own 65 poses: the first version flagged
    /// every knee bent 120 degrees or more, which caught tree's lifted knee and the mountain climber's driven knee,
    /// neither bearing weight; the "bears weight" condition was added after that. Poses it catches must list the
    /// "knees" contraindication; photo.json (hug-knees) and yoga.json (easy-pose, seated-twist) gained it from this
    /// rule.
    /// </summary>
    public const double DeepKneeFlexion = 120;

    /// <summary>Hips higher than the head: inversions and anything that turns the body upside down.</summary>
    public static bool IsInverted(Body3D grounded)
    {
        ArgumentNullException.ThrowIfNull(grounded);
        return grounded[BodyPoint.Pelvis].Y > grounded[BodyPoint.HeadCenter].Y;
    }

    public static IReadOnlyList<string> Violations(LibraryPose pose, Body3D grounded)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var found = new List<string>();
        if (pose.IsFloorPose)
        {
            found.AddRange(pose.Environments.Where(NoFloorEnvironments.Contains)
                .Select(e => $"floor pose listed for environment '{e}'"));
            found.AddRange(pose.Outfits.Where(NoFloorOutfits.Contains)
                .Select(o => $"floor pose listed for outfit '{o}'"));
        }
        if (IsInverted(grounded) || pose.Kind == PoseKind.Inversion)
            found.AddRange(pose.Outfits.Where(NoInversionOutfits.Contains)
                .Select(o => $"inverted pose listed for outfit '{o}'"));
        if (!pose.Contraindications.Contains("knees"))
        {
            foreach (var (knee, foot, support) in new[] { (Joint.LeftKnee, Support.LeftFoot, Support.LeftKnee),
                (Joint.RightKnee, Support.RightFoot, Support.RightKnee) })
            {
                var flexion = Math.Abs(pose.Angles[knee].Flex);
                if (flexion >= DeepKneeFlexion && (pose.Supports.Contains(foot) || pose.Supports.Contains(support)))
                    found.Add($"loaded knee bent {flexion:0} degrees without the 'knees' contraindication");
            }
        }
        found.AddRange(ContraindicationRules.Violations(pose));
        return found;
    }
}
