using Microsoft.EntityFrameworkCore;

namespace PoseGen.Data.Storage;

/// <summary>Removes everything a user owns: rows (cascade from the user) and media files on disk.</summary>
public sealed class AccountDataService(PoseGenDbContext db, MediaStore media)
{
    public async Task DeleteUserDataAsync(string userId, CancellationToken ct)
    {
        await db.MediaFiles.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Activities.IgnoreQueryFilters().Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Profiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        media.DeleteAll(userId);
    }
}
