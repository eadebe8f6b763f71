namespace PoseGen.Core.Profiles;

public enum Goal { Yoga, Fitness, Aesthetics }

public enum Level { Beginner, Intermediate, Advanced }

/// <summary>Body limitations a recommendation must never ignore (contraindications).</summary>
public enum Limitation { Knees, LowerBack, Wrists, Shoulders, Neck, Pregnancy }

/// <summary>What a weekly goal counts: workout sessions (pose practice included) or good reps.</summary>
public enum WeeklyGoalKind { Sessions, Reps }

/// <summary>A target for each week (Monday to Sunday, UTC) that the dashboard measures progress against.</summary>
public sealed record WeeklyGoal(WeeklyGoalKind Kind, int Target)
{
    /// <summary>
    /// Upper bounds that keep a typo (an extra zero or two) out: two sessions a day, or 300 reps a day.
    /// </summary>
    public static int MaxTarget(WeeklyGoalKind kind) => kind == WeeklyGoalKind.Sessions ? 14 : 2100;

    /// <summary>Null when the target is outside 1 .. <see cref="MaxTarget"/>, with the reason in words.</summary>
    public static string? Problem(WeeklyGoalKind kind, int target) =>
        target >= 1 && target <= MaxTarget(kind) ? null
            : $"A weekly goal of {kind.ToString().ToLowerInvariant()} must be between 1 and {MaxTarget(kind)}.";
}

/// <summary>What PoseGen knows about a user when it personalises: goals (several allowed), level, limitations,
/// free preference tags, an optional height in centimetres, the name the app greets the user by and a weekly
/// goal.</summary>
public sealed record UserProfile(
    IReadOnlySet<Goal> Goals,
    Level Level,
    IReadOnlySet<Limitation> Limitations,
    IReadOnlyList<string> Preferences,
    int? HeightCm,
    string? DisplayName = null,
    WeeklyGoal? WeeklyGoal = null)
{
    /// <summary>Longest display name kept (the navigation shows it in full up to about this length).</summary>
    public const int MaxDisplayName = 40;

    public static UserProfile Default { get; } =
        new(new HashSet<Goal>(), Level.Beginner, new HashSet<Limitation>(), [], null);
}
