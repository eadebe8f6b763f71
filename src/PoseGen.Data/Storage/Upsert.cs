using Microsoft.EntityFrameworkCore;

namespace PoseGen.Data.Storage;

public static class Upsert
{
    /// <summary>
    /// Updates the row <paramref name="find"/> returns, or inserts one made by <paramref name="create"/>, with
    /// <paramref name="apply"/> setting its values. Two first saves at once both insert; the loser's primary-key
    /// conflict is retried (up to three attempts) as an update of the winner's row, the last save winning.
    /// </summary>
    public static async Task<TEntity> UpsertAsync<TEntity>(
        this DbContext db, Func<CancellationToken, Task<TEntity?>> find, Func<TEntity> create, Action<TEntity> apply,
        CancellationToken ct)
        where TEntity : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await find(ct);
            var inserted = row is null;
            if (row is null)
            {
                row = create();
                db.Add(row);
            }
            apply(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateException) when (inserted && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
