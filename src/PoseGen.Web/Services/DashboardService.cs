using Microsoft.EntityFrameworkCore;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Dashboard;

namespace PoseGen.Web.Services;

/// <summary>
/// The dashboard's figures, aggregated by the database from the entries' figure columns (ActivityFigures).
/// </summary>
public sealed class DashboardService(
    PoseGenDbContext db, HistoryService history, ProfileService profiles, NextPoseService nextPose, TimeProvider time)
{
    /// <summary>Longest range one request may ask for (a year of days keeps the per-day list small).</summary>
    public const int MaxDays = 366;

    public async Task<DashboardResponse> GetAsync(string userId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        HistoryFilter.CheckDays(from, to);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-6);
        if (first > last || last.DayNumber - first.DayNumber + 1 > MaxDays)
            throw new InvalidInputException($"from must not be after to, and the range at most {MaxDays} days.");
        var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var mine = db.Activities.AsNoTracking().Where(a => a.UserId == userId);
        var range = mine.Where(a => a.CreatedAtUtc >= start && a.CreatedAtUtc < end);
        var sessions = await range.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var workouts = range.Where(a => a.Kind == ActivityKind.Workout);
        var good = await workouts.SumAsync(a => a.GoodReps ?? 0, ct);
        var improper = await workouts.SumAsync(a => a.ImproperReps ?? 0, ct);
        var seconds = await workouts.SumAsync(a => a.Seconds ?? 0, ct);
        // Pose practice is the workout kind with a score (the best match); exercises carry reps instead.
        var posesPractised = await workouts.Where(a => a.Score != null && a.Exercise != null).Select(a => a.Exercise)
            .Distinct().CountAsync(ct);
        var perDay = await workouts.Where(a => a.Exercise != null && a.GoodReps != null)
            .GroupBy(a => new { a.CreatedAtUtc.Date, a.Exercise })
            .Select(g => new { g.Key.Date, g.Key.Exercise, Good = g.Sum(a => a.GoodReps ?? 0),
                Improper = g.Sum(a => a.ImproperReps ?? 0) })
            .ToListAsync(ct);
        var bestComparison = await range.Where(a => a.Kind == ActivityKind.Comparison).MaxAsync(a => a.Score, ct);

        var days = (await mine.Where(a => a.Kind == ActivityKind.Workout).Select(a => a.CreatedAtUtc.Date).Distinct()
            .ToListAsync(ct))
            .Select(DateOnly.FromDateTime).Order().ToList();
        var (streak, longest) = Streaks(days, today);
        var profile = await profiles.GetAsync(userId, ct);

        return new DashboardResponse(first, last,
            sessions.ToDictionary(s => s.Key.ToString().ToLowerInvariant(), s => s.Count),
            good, improper, Math.Round(seconds / 60, 1), posesPractised, streak, longest,
            [.. perDay.Select(d => new DashboardDay(DateOnly.FromDateTime(d.Date), d.Exercise!, d.Good, d.Improper))
                .OrderBy(d => d.Day).ThenBy(d => d.Exercise, StringComparer.Ordinal)],
            await BestsAsync(mine, ct), bestComparison is { } b ? Math.Round(b, 1) : null,
            await history.ListAsync(userId, new HistoryFilter(), 0, 5, ct),
            profile.WeeklyGoal is { } goal ? await GoalAsync(mine, goal, today, ct) : null,
            await nextPose.SuggestAsync(userId, profile, ct));
    }

    private static async Task<DashboardGoal> GoalAsync(IQueryable<Data.Entities.Activity> mine,
        Core.Profiles.WeeklyGoal goal, DateOnly today, CancellationToken ct)
    {
        // DayOfWeek counts from Sunday = 0; the week starts on Monday (ISO 8601).
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var start = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = monday.AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var week = mine.Where(a => a.Kind == ActivityKind.Workout && a.CreatedAtUtc >= start && a.CreatedAtUtc < end);
        var done = goal.Kind == Core.Profiles.WeeklyGoalKind.Sessions ? await week.CountAsync(ct)
            : await week.SumAsync(a => a.GoodReps ?? 0, ct);
        return new DashboardGoal(goal.Kind.ToString().ToLowerInvariant(), goal.Target, done, monday, monday.AddDays(6),
            (int)Math.Min(100, Math.Floor(100.0 * done / goal.Target)), done >= goal.Target);
    }

    /// <summary>
    /// Days in a row ending today or yesterday (a streak is not broken before the day is over), and the longest run.
    /// </summary>
    public static (int Current, int Longest) Streaks(IReadOnlyList<DateOnly> sortedDays, DateOnly today)
    {
        int longest = 0, run = 0;
        DateOnly? previous = null;
        foreach (var day in sortedDays)
        {
            run = previous is { } p && day.DayNumber == p.DayNumber + 1 ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }
        var current = previous is { } lastDay && today.DayNumber - lastDay.DayNumber <= 1 ? run : 0;
        return (current, longest);
    }

    private static async Task<IReadOnlyList<DashboardBest>> BestsAsync(IQueryable<Data.Entities.Activity> mine,
        CancellationToken ct)
    {
        var workouts = mine.Where(a => a.Kind == ActivityKind.Workout && a.Exercise != null);
        var bests = new List<DashboardBest>();
        var reps = await workouts.Where(a => a.GoodReps != null && a.GoodReps > 0).GroupBy(a => a.Exercise)
            .Select(g => new { Exercise = g.Key!, Most = g.Max(a => a.GoodReps)!.Value }).ToListAsync(ct);
        foreach (var r in reps.OrderBy(r => r.Exercise, StringComparer.Ordinal))
        {
            var id = await workouts.Where(a => a.Exercise == r.Exercise && a.GoodReps == r.Most)
                .OrderBy(a => a.CreatedAtUtc).Select(a => a.Id).FirstAsync(ct);
            bests.Add(new DashboardBest(r.Exercise, "good-reps", r.Most, id));
        }
        var poses = await workouts.Where(a => a.Score != null).GroupBy(a => a.Exercise)
            .Select(g => new { Pose = g.Key!, Best = g.Max(a => a.Score)!.Value }).ToListAsync(ct);
        foreach (var p in poses.OrderBy(p => p.Pose, StringComparer.Ordinal))
        {
            var id = await workouts.Where(a => a.Exercise == p.Pose && a.Score == p.Best).OrderBy(a => a.CreatedAtUtc)
                .Select(a => a.Id).FirstAsync(ct);
            bests.Add(new DashboardBest(p.Pose, "best-match", Math.Round(p.Best, 1), id));
        }
        return bests;
    }
}
