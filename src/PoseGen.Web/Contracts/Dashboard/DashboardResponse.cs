using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Contracts.Dashboard;

/// <summary>Good and improper reps of one exercise on one day (UTC).</summary>
public sealed record DashboardDay(DateOnly Day, string Exercise, int GoodReps, int ImproperReps);

/// <summary>A personal best: most good reps in one session (exercises) or best match and longest practice (poses), with
/// the History entry where it happened.</summary>
public sealed record DashboardBest(string Exercise, string Kind, double Value, Guid ActivityId);

/// <summary>Progress towards the profile's weekly goal in the week (Monday to Sunday, UTC) that holds today: workout
/// sessions (pose practice included) or good reps; <see cref="Percent"/> is capped at 100.</summary>
public sealed record DashboardGoal(string Kind, int Target, int Done, DateOnly WeekStart, DateOnly WeekEnd, int Percent,
    bool Met);

/// <summary>
/// GET /api/v1/dashboard and the signed-in home page: sessions by kind, reps, training time and poses practised in the
/// range (UTC days, both ends included), the workout streak (days in a row up to today or yesterday) and the longest,
/// reps per day per exercise, personal bests (all time), the best comparison score in the range, the latest entries,
/// the weekly goal's progress (null without a goal) and the next suggested pose.
/// </summary>
public sealed record DashboardResponse(
    DateOnly From, DateOnly To, IReadOnlyDictionary<string, int> Sessions, int GoodReps, int ImproperReps,
    double TrainingMinutes,
    int PosesPractised, int Streak, int LongestStreak, IReadOnlyList<DashboardDay> RepsPerDay,
    IReadOnlyList<DashboardBest> Bests,
    double? BestComparisonScore, IReadOnlyList<ActivitySummary> Recent, DashboardGoal? Goal, SuggestedPose? NextPose);
