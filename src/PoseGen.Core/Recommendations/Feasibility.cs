using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;

namespace PoseGen.Core.Recommendations;

/// <summary>
/// The hard filters, applied before any scoring: a pose that fails one is never recommended.
/// Contraindications: none may match a limitation from the profile or a confident (>= 0.5) one from the context.
/// Environment: the context's most confident environment (>= 0.6) must be in the pose's list.
/// Outfit: every confident (>= 0.6) outfit must be in the pose's list.
/// Floor: "not on the floor" removes floor poses. Level: at most one step above the user's level.
/// </summary>
public static class Feasibility
{
    public const double LimitationThreshold = 0.5;
    public const double ContextThreshold = 0.6;

    public static IReadOnlySet<string> Limitations(UserProfile profile, RecommendationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        return profile.Limitations.Select(ContextLabels.Id).Concat(
            context.Limitations.Where(l => l.Confidence >= LimitationThreshold).Select(l => l.Label)).ToHashSet();
    }

    /// <summary>Why the pose is ruled out, or null when it passes every hard filter.</summary>
    public static string? Violation(LibraryPose pose, UserProfile profile, RecommendationContext context)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var limitations = Limitations(profile, context);
        var contra = pose.Contraindications.FirstOrDefault(limitations.Contains);
        if (contra is not null) return $"not advised with {contra}";
        var env = context.Environment.Where(e => e.Confidence >= ContextThreshold).MaxBy(e => e.Confidence);
        if (env is not null && !pose.Environments.Contains(env.Label)) return $"does not suit {env.Label}";
        var outfit = context.Outfit.FirstOrDefault(o => o.Confidence >= ContextThreshold
            && !pose.Outfits.Contains(o.Label));
        if (outfit is not null) return $"not wearable in {outfit.Label}";
        if (context.NotOnFloor && pose.IsFloorPose) return "needs the floor";
        if ((int)pose.Difficulty > (int)profile.Level + 1) return "too advanced for now";
        return null;
    }
}
