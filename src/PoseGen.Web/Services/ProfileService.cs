using Microsoft.EntityFrameworkCore;
using PoseGen.Core.Profiles;
using PoseGen.Data;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Services;

/// <summary>
/// Reads and saves the signed-in user's profile (goals, level, limitations, preferences, height, weekly goal).
/// </summary>
public sealed class ProfileService(PoseGenDbContext db, TimeProvider time)
{
    public const int MaxPreferences = 20;
    public const int MaxPreferenceLength = 40;

    public async Task<UserProfile> GetAsync(string userId, CancellationToken ct)
    {
        var row = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        return row?.ToDomain() ?? UserProfile.Default;
    }

    public async Task<UserProfile> SaveAsync(string userId, UserProfile profile, CancellationToken ct)
    {
        var preferences = NormalizePreferences(profile.Preferences);
        if (profile.WeeklyGoal is { } goal && WeeklyGoal.Problem(goal.Kind, goal.Target) is { } problem)
            throw new InvalidInputException(problem);
        var row = await db.UpsertAsync(
            t => db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, t),
            () => new ProfileEntity { UserId = userId },
            r =>
            {
                r.Goals = [.. profile.Goals.Order()];
                r.Level = profile.Level;
                r.Limitations = [.. profile.Limitations.Order()];
                r.Preferences = preferences;
                r.HeightCm = profile.HeightCm;
                r.DisplayName = NormalizeDisplayName(profile.DisplayName);
                r.WeeklyGoalKind = profile.WeeklyGoal?.Kind;
                r.WeeklyGoalTarget = profile.WeeklyGoal?.Target;
                r.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            },
            ct);
        return row.ToDomain();
    }

    /// <summary>
    /// Trimmed, inner whitespace collapsed, at most <see cref="UserProfile.MaxDisplayName"/> characters; empty is none.
    /// </summary>
    public static string? NormalizeDisplayName(string? name)
    {
        var words = (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return text.Length == 0 ? null : text.Length > UserProfile.MaxDisplayName
            ? text[..UserProfile.MaxDisplayName].TrimEnd() : text;
    }

    /// <summary>Free tags: trimmed, lower-case, de-duplicated, bounded in number and length.</summary>
    public static List<string> NormalizePreferences(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Select(t => t.Length > MaxPreferenceLength ? t[..MaxPreferenceLength] : t)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPreferences)
            .ToList();
}
