using System.ComponentModel.DataAnnotations;
using PoseGen.Core.Profiles;

namespace PoseGen.Web.Contracts.Profile;

/// <summary>The profile as the JSON API reads and writes it.</summary>
public sealed record ProfileDto(
    IReadOnlyList<Goal> Goals,
    Level Level,
    IReadOnlyList<Limitation> Limitations,
    IReadOnlyList<string> Preferences,
    [Range(80, 250)] int? HeightCm,
    [StringLength(UserProfile.MaxDisplayName)] string? DisplayName = null,
    WeeklyGoalDto? WeeklyGoal = null)
{
    public static ProfileDto From(UserProfile p) => new([.. p.Goals.Order()], p.Level, [.. p.Limitations.Order()],
        p.Preferences, p.HeightCm, p.DisplayName,
        p.WeeklyGoal is { } g ? new WeeklyGoalDto(g.Kind, g.Target) : null);

    public UserProfile ToDomain() => new((Goals ?? []).ToHashSet(), Level, (Limitations ?? []).ToHashSet(),
        Preferences ?? [], HeightCm, DisplayName,
        WeeklyGoal is { Kind: { } kind, Target: { } target } ? new WeeklyGoal(kind, target) : null);
}

/// <summary>
/// A weekly goal in the API: <c>{"kind": "sessions" | "reps", "target": n}</c>, both required; null or absent for none.
/// </summary>
public sealed record WeeklyGoalDto([Required] WeeklyGoalKind? Kind, [Required] int? Target);
