using PoseGen.Core.Profiles;

namespace PoseGen.Data.Entities;

/// <summary>A user's profile row (1:1 with the user). Sets are stored as JSON arrays of names.</summary>
public sealed class ProfileEntity
{
    public required string UserId { get; set; }
    public List<Goal> Goals { get; set; } = [];
    public Level Level { get; set; }
    public List<Limitation> Limitations { get; set; } = [];
    public List<string> Preferences { get; set; } = [];
    public int? HeightCm { get; set; }
    public string? DisplayName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    // The weekly goal in two columns, both set or both null.
    public WeeklyGoalKind? WeeklyGoalKind { get; set; }
    public int? WeeklyGoalTarget { get; set; }

    public UserProfile ToDomain() =>
        new(Goals.ToHashSet(), Level, Limitations.ToHashSet(), Preferences, HeightCm, DisplayName,
            WeeklyGoalKind is { } kind && WeeklyGoalTarget is { } target ? new WeeklyGoal(kind, target) : null);
}
