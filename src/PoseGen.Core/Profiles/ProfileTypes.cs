namespace PoseGen.Core.Profiles;

public enum Goal { Yoga, Fitness, Aesthetics }

public enum Level { Beginner, Intermediate, Advanced }

/// <summary>Body limitations a recommendation must never ignore (contraindications).</summary>
public enum Limitation { Knees, LowerBack, Wrists, Shoulders, Neck, Pregnancy }

/// <summary>What PoseGen knows about a user when it personalises: goals (several allowed), level, limitations,
/// free preference tags and an optional height in centimetres.</summary>
public sealed record UserProfile(
    IReadOnlySet<Goal> Goals,
    Level Level,
    IReadOnlySet<Limitation> Limitations,
    IReadOnlyList<string> Preferences,
    int? HeightCm)
{
    public static UserProfile Default { get; } =
        new(new HashSet<Goal>(), Level.Beginner, new HashSet<Limitation>(), [], null);
}
