using Microsoft.EntityFrameworkCore;
using PoseGen.Data;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Services;

/// <summary>
/// The user's deletes, with undo: an entry is marked deleted (hidden at once everywhere by the Activities query
/// filter), can be restored for <see cref="UndoWindow"/>, and is purged with its files by
/// <see cref="HistoryPurgeSweeper"/>. One delete, of one entry or of every entry a filter matches, marks them all with
/// the same time, which is its undo token.
/// </summary>
public sealed class HistoryDeletionService(PoseGenDbContext db, HistoryService history, TimeProvider time)
{
    public static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(10);

    public Task<DeletedEntries?> DeleteAsync(string userId, Guid id, CancellationToken ct) =>
        MarkAsync(db.Activities.Where(a => a.Id == id && a.UserId == userId), ct);

    /// <summary>Deletes every entry <paramref name="filter"/> matches. With <paramref name="expected"/> (the count the
    /// user confirmed), nothing is deleted when the list has changed since.</summary>
    public async Task<DeletedEntries> DeleteMatchingAsync(string userId, HistoryFilter filter, int? expected,
        CancellationToken ct)
    {
        var matching = history.Filtered(userId, filter);
        if (expected is { } confirmed && await matching.CountAsync(ct) is var count && count != confirmed)
            throw new ConflictException(
                $"{count} entries match now, not the {confirmed} confirmed: look at the list again before deleting.");
        return await MarkAsync(matching, ct) ?? new DeletedEntries(0, "", Now());
    }

    /// <summary>Restores what the delete with <paramref name="token"/> marked, if it was the user's and the undo window
    /// is still open; the number restored (0 when there is nothing to restore any more).</summary>
    public async Task<int> RestoreAsync(string userId, string token, CancellationToken ct)
    {
        if (!long.TryParse(token, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            throw new InvalidInputException("The undo token is not one a delete gave.");
        var deletedAt = new DateTime(ticks, DateTimeKind.Utc);
        if (Now() - deletedAt > UndoWindow)
            return 0;
        return await db.Activities.IgnoreQueryFilters().Where(a => a.UserId == userId && a.DeletedAtUtc == deletedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAtUtc, (DateTime?)null), ct);
    }

    /// <summary>Restores one deleted entry of the user's while its undo window is open; false otherwise.</summary>
    public async Task<bool> RestoreEntryAsync(string userId, Guid id, CancellationToken ct)
    {
        var since = Now() - UndoWindow;
        return await db.Activities.IgnoreQueryFilters().Where(a => a.Id == id && a.UserId == userId
            && a.DeletedAtUtc >= since)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAtUtc, (DateTime?)null), ct) > 0;
    }

    /// <summary>
    /// Purges every entry whose undo window has closed (all users), with its pictures and clips; the number purged.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = Now() - UndoWindow;
        var purged = 0;
        while (true)
        {
            var batch = await db.Activities.IgnoreQueryFilters().Include(a => a.Media)
                .Where(a => a.DeletedAtUtc != null && a.DeletedAtUtc < cutoff).OrderBy(a => a.Id).Take(200)
                .ToListAsync(ct);
            if (batch.Count == 0)
                return purged;
            try
            {
                await history.PurgeAsync(batch, ct);
                purged += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sweep (another app instance) purged some of them first; the next round reads what is left.
            }
            db.ChangeTracker.Clear();
        }
    }

    private async Task<DeletedEntries?> MarkAsync(IQueryable<Data.Entities.Activity> entries, CancellationToken ct)
    {
        var now = Now();
        var count = await entries.ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAtUtc, now), ct);
        return count == 0 ? null : new DeletedEntries(count, now.Ticks.ToString(
            System.Globalization.CultureInfo.InvariantCulture), now + UndoWindow);
    }

    /// <summary>
    /// Now in whole milliseconds: PostgreSQL keeps microseconds, so a finer time would not compare equal when read
    /// back.
    /// </summary>
    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}

/// <summary>Purges deleted entries once their undo window has closed.</summary>
public sealed partial class HistoryPurgeSweeper(IServiceScopeFactory scopes, TimeProvider time,
    ILogger<HistoryPurgeSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<HistoryDeletionService>()
                    .PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                    LogPurged(purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} deleted History entries")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging deleted History entries failed")]
    private partial void LogPurgeFailed(Exception exception);
}
