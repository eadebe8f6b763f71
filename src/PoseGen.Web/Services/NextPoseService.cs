using Microsoft.EntityFrameworkCore;
using PoseGen.Core.History;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;
using PoseGen.Core.Recommendations;
using PoseGen.Data;
using PoseGen.Web.Contracts.Dashboard;

namespace PoseGen.Web.Services;

/// <summary>
/// Picks the next pose from the recommender for the user's profile and feedback alone (no prompt, no photo): the best
/// ranked pose not practised in the last <see cref="RecentDays"/> days and not marked "done it", else the best ranked.
/// </summary>
public sealed class NextPoseService(PoseRecommender recommender, PoseFeedbackService feedback, PoseGenDbContext db,
    TimeProvider time)
{
    /// <summary>How far back a practised pose counts as recent enough to suggest something else.</summary>
    public const int RecentDays = 7;

    /// <summary>How many ranked poses to look through before falling back to the best one.</summary>
    private const int Candidates = 8;

    public async Task<SuggestedPose?> SuggestAsync(string userId, UserProfile profile, CancellationToken ct)
    {
        var stored = await feedback.ListAsync(userId, ct);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-RecentDays);
        // Pose practice is the workout kind with a score (the best match); its exercise column is the library pose id.
        var recent = (await db.Activities.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == ActivityKind.Workout && a.Score != null && a.Exercise != null
                && a.CreatedAtUtc >= since)
            .Select(a => a.Exercise!).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var done = stored.Where(f => f.Kind == FeedbackKind.DoneIt).Select(f => f.PoseId)
            .ToHashSet(StringComparer.Ordinal);
        var ranked = recommender.Recommend(new RecommendationRequest(profile, RecommendationContext.None, null, stored,
            Candidates)).Poses;
        var pick = ranked.FirstOrDefault(r => !recent.Contains(r.Pose.Id) && !done.Contains(r.Pose.Id))
            ?? ranked.FirstOrDefault();
        return pick is null ? null : From(pick.Pose, pick.Reasons);
    }

    public static SuggestedPose From(LibraryPose pose, IReadOnlyList<string> reasons) =>
        new(pose.Id, pose.Name, reasons, $"/Workout?pose={Uri.EscapeDataString(pose.Id)}");
}
