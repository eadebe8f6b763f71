using Microsoft.EntityFrameworkCore;
using PoseGen.Core.Library;
using PoseGen.Core.Recommendations;
using PoseGen.Data;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Services;

/// <summary>
/// A user's feedback on library poses: the latest kind per pose wins (liking a pose after "not for me" replaces it).
/// </summary>
public sealed class PoseFeedbackService(PoseGenDbContext db, PoseLibrary library, TimeProvider time)
{
    public async Task<IReadOnlyList<PoseReaction>> ListAsync(string userId, CancellationToken ct)
    {
        var rows = await db.PoseFeedback.AsNoTracking().Where(f => f.UserId == userId).ToListAsync(ct);
        return rows.Select(f => new PoseReaction(f.PoseId, f.Kind)).ToList();
    }

    public async Task<PoseReaction> SetAsync(string userId, string poseId, FeedbackKind kind, CancellationToken ct)
    {
        if (library.Find(poseId) is null)
            throw new NotFoundException($"There is no pose '{poseId}' in the library.");
        await db.UpsertAsync(
            t => db.PoseFeedback.FirstOrDefaultAsync(f => f.UserId == userId && f.PoseId == poseId, t),
            () => new PoseFeedbackEntity { UserId = userId, PoseId = poseId },
            row =>
            {
                row.Kind = kind;
                row.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            },
            ct);
        return new PoseReaction(poseId, kind);
    }
}
