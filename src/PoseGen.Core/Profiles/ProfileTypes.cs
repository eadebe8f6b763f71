namespace PoseGen.Core.Profiles;

public enum Goal { Yoga, Fitness, Aesthetics }

public enum Level { Beginner, Intermediate, Advanced }

/// <summary>Body limitations a recommendation must never ignore (contraindications).</summary>
public enum Limitation { Knees, LowerBack, Wrists, Shoulders, Neck, Pregnancy }

/// <summary>What PoseGen knows about a user when it personalises: goals (several allowed), level, limitations,
/// free preference tags, an optional height in centimetres and the name the app greets the user by.</summary>
public sealed record UserProfile(
    IReadOnlySet<Goal> Goals,
    Level Level,
    IReadOnlySet<Limitation> Limitations,
    IReadOnlyList<string> Preferences,
    int? HeightCm,
    string? DisplayName = null)
{
    /// <summary>Longest display name kept (the navigation shows it in full up to about this length).</summary>
    public const int MaxDisplayName = 40;

    public static UserProfile Default { get; } =
        new(new HashSet<Goal>(), Level.Beginner, new HashSet<Limitation>(), [], null);
}
