using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Services;

/// <summary>Which entries a list shows: a kind, words found in the title or summary (any case), UTC days from and to
/// (both included), an exercise or practised pose id; null is "any".</summary>
public sealed record HistoryFilter(ActivityKind? Kind = null, string? Search = null, DateOnly? From = null,
    DateOnly? To = null, string? Exercise = null)
{
    public const int MaxSearch = 200;

    public bool IsEmpty => this is { Kind: null, Search: null or "", From: null, To: null, Exercise: null or "" };

    /// <summary>
    /// The filter a request asked for: a long search is cut, an unknown exercise or a backwards range refused.
    /// </summary>
    public static HistoryFilter Parse(ActivityKind? kind, string? q, DateOnly? from, DateOnly? to, string? exercise)
    {
        var id = string.IsNullOrWhiteSpace(exercise) ? null : exercise.Trim().ToLowerInvariant();
        if (id is not null && !HistoryText.IsKnownExercise(id))
            throw new InvalidInputException(
                $"Unknown exercise '{Shorten(exercise!, 64)}': use an exercise or library pose id such as squat or " +
                $"warrior-2.");
        CheckDays(from, to);
        var search = string.IsNullOrWhiteSpace(q) ? null : Shorten(q, MaxSearch);
        return new HistoryFilter(kind, search, from, to, id);
    }

    /// <summary>Days a filter or the dashboard may name: from 1900 to the day before the calendar ends (the range's end
    /// is the next midnight, which must exist), in order.</summary>
    public static void CheckDays(DateOnly? from, DateOnly? to)
    {
        if (from is { Year: < 1900 } || to is { Year: < 1900 } || from == DateOnly.MaxValue || to == DateOnly.MaxValue)
            throw new InvalidInputException("Days must be between 1900-01-01 and 9999-12-30.");
        if (from > to)
            throw new InvalidInputException("from must not be after to.");
    }

    private static string Shorten(string text, int max) => text.Length > max ? text[..max] : text;
}

/// <summary>
/// The user's history: every feature records what it did here. All reads and deletes are scoped to the owner; another
/// user's id behaves exactly like an id that does not exist.
/// </summary>
public sealed class HistoryService(PoseGenDbContext db, MediaStore media, Workouts.WorkoutVideoStore videos,
    TimeProvider time)
{
    public static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<ActivitySummary>> ListAsync(string userId, ActivityKind? kind, int skip, int take,
        CancellationToken ct) =>
        ListAsync(userId, new HistoryFilter(kind), skip, take, ct);

    public Task<int> CountAsync(string userId, ActivityKind? kind, CancellationToken ct) =>
        CountAsync(userId, new HistoryFilter(kind), ct);

    public Task<int> CountAsync(string userId, HistoryFilter filter, CancellationToken ct) =>
        Filtered(userId, filter).CountAsync(ct);

    public async Task<IReadOnlyList<ActivitySummary>> ListAsync(string userId, HistoryFilter filter, int skip, int take,
        CancellationToken ct)
    {
        var query = Filtered(userId, filter);
        return await query.OrderByDescending(a => a.CreatedAtUtc)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(a => new ActivitySummary(a.Id, a.Kind, a.CreatedAtUtc, a.Title, a.Summary, a.ThumbnailId))
            .ToListAsync(ct);
    }

    internal IQueryable<Activity> Filtered(string userId, HistoryFilter filter)
    {
        var query = db.Activities.AsNoTracking().Where(a => a.UserId == userId);
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.Search?.Trim().ToLowerInvariant() is { Length: > 0 } words)
            query = query.Where(a => a.Title.ToLower().Contains(words)
                || (a.Summary != null && a.Summary.ToLower().Contains(words)));
        if (filter.Exercise is { Length: > 0 } exercise)
            query = query.Where(a => a.Exercise == exercise);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.CreatedAtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.CreatedAtUtc < end);
        }
        return query;
    }

    /// <summary>The exercises and practised poses the user's entries name (for the exercise filter), by id.</summary>
    public async Task<IReadOnlyList<string>> ExercisesAsync(string userId, CancellationToken ct) =>
        (await db.Activities.AsNoTracking().Where(a => a.UserId == userId && a.Exercise != null)
            .Select(a => a.Exercise!).Distinct().ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();

    public Task<Activity?> GetAsync(string userId, Guid id, CancellationToken ct) =>
        db.Activities.AsNoTracking().Include(a => a.Media.OrderBy(m => m.CreatedAtUtc))
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);

    /// <summary>
    /// One of the user's pictures; none of a deleted entry's (the Activities query filter hides the entry).
    /// </summary>
    public Task<MediaFile?> GetMediaAsync(string userId, Guid id, CancellationToken ct) =>
        db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(
            m => m.Id == id && m.UserId == userId && (m.ActivityId == null
                || db.Activities.Any(a => a.Id == m.ActivityId)), ct);

    /// <summary>Saves a result document and links the media files already stored for it.</summary>
    public async Task<Activity> AddAsync<TDocument>(
        string userId, ActivityKind kind, string title, string? summary, TDocument document,
        IReadOnlyList<MediaFile> files, Guid? thumbnailId, CancellationToken ct, Guid? id = null,
        ActivityFigures? figures = null)
    {
        var activity = new Activity
        {
            Id = id ?? Guid.NewGuid(), UserId = userId, Kind = kind, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Title = title, Summary = summary, Document = JsonSerializer.Serialize(document, DocumentJson),
            ThumbnailId = thumbnailId,
        };
        if (figures is not null)
            activity.SetFigures(figures);
        foreach (var file in files)
        {
            file.ActivityId = activity.Id;
            activity.Media.Add(file);
        }
        db.Activities.Add(activity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The files were written for this entry; without its row nothing would ever reference or delete them.
            foreach (var file in files)
                media.Delete(file);
            throw;
        }
        return activity;
    }

    /// <summary>
    /// Replaces the title, summary and document of the user's entry <paramref name="id"/> of <paramref name="kind"/> (a
    /// session that goes on, such as chip edits of one recommendation); a new <paramref name="thumbnail"/> replaces the
    /// entry's pictures. False when the user has no such entry.
    /// </summary>
    public async Task<bool> ReplaceAsync<TDocument>(
        string userId, Guid id, ActivityKind kind, string title, string? summary, TDocument document,
        MediaFile? thumbnail, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Media)
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId && a.Kind == kind, ct);
        if (activity is null)
            return false;
        (activity.Title, activity.Summary, activity.Document) = (title, summary,
            JsonSerializer.Serialize(document, DocumentJson));
        var replaced = thumbnail is null ? [] : activity.Media.ToList();
        if (thumbnail is not null)
        {
            db.MediaFiles.RemoveRange(replaced);
            thumbnail.ActivityId = id;
            db.MediaFiles.Add(thumbnail);
            activity.ThumbnailId = thumbnail.Id;
        }
        await db.SaveChangesAsync(ct);
        foreach (var file in replaced)
            media.Delete(file);
        return true;
    }

    /// <summary>Deletes an entry for good at once (a job that failed to start); the user's deletes go through
    /// <see cref="HistoryDeletionService"/>, which can be undone.</summary>
    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Media)
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (activity is null)
            return false;
        await PurgeAsync([activity], ct);
        return true;
    }

    /// <summary>Removes tracked entries (with their media loaded), then their pictures and workout clips.</summary>
    internal async Task PurgeAsync(IReadOnlyList<Activity> activities, CancellationToken ct)
    {
        var files = activities.SelectMany(a => a.Media).ToList();
        db.MediaFiles.RemoveRange(files);
        db.Activities.RemoveRange(activities);
        await db.SaveChangesAsync(ct);
        // Files go after the rows are gone: a crash in between leaves an orphan file, never a row without its file.
        foreach (var file in files)
            media.Delete(file);
        foreach (var activity in activities)
            videos.Delete(WorkoutVideoOf(activity));
    }

    /// <summary>The clips still waiting in the user's workout jobs (to delete with the account).</summary>
    public async Task<IReadOnlyList<string>> WorkoutVideosAsync(string userId, CancellationToken ct)
    {
        var workouts = await db.Activities.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.UserId == userId && a.Kind == ActivityKind.Workout).ToListAsync(ct);
        return [.. workouts.Select(WorkoutVideoOf).OfType<string>()];
    }

    private static string? WorkoutVideoOf(Activity activity) =>
        activity.Kind == ActivityKind.Workout ? Workouts.WorkoutJobDocument.TryRead(activity.Document)?.VideoFile
            : null;

    public static T? ReadDocument<T>(Activity activity) => JsonSerializer.Deserialize<T>(activity.Document,
        DocumentJson);

    /// <summary>
    /// A History document read as <typeparamref name="T"/> when it is one (<paramref name="isKind"/>, e.g. its source);
    /// null when it is another kind of document or does not read as one.
    /// </summary>
    public static T? TryReadDocument<T>(string json, Func<T, bool> isKind) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, DocumentJson) is { } document && isKind(document)
                ? document
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
