using System.ComponentModel.DataAnnotations;
using PoseGen.Core.Profiles;

namespace PoseGen.Web.ViewModels.Profile;

public sealed class ProfileViewModel
{
    /// <summary>What PoseGen calls you (shown in the navigation instead of your e-mail address).</summary>
    [StringLength(UserProfile.MaxDisplayName)]
    [Display(Name = "Your name")]
    public string? DisplayName { get; set; }

    public List<Goal> Goals { get; set; } = [];

    public Level Level { get; set; } = Level.Beginner;

    public List<Limitation> Limitations { get; set; } = [];

    /// <summary>Comma-separated free tags, e.g. "outdoor, minimal, morning".</summary>
    [StringLength(1000)]
    public string? Preferences { get; set; }

    [Range(80, 250, ErrorMessage = "Height must be between 80 and 250 cm.")]
    [Display(Name = "Height (cm)")]
    public int? HeightCm { get; set; }

    /// <summary>What the weekly goal counts; null for no goal.</summary>
    [Display(Name = "Weekly goal")]
    public WeeklyGoalKind? WeeklyGoalKind { get; set; }

    [Range(1, 2100, ErrorMessage = "The weekly target must be between 1 and 2100.")]
    [Display(Name = "Target per week")]
    public int? WeeklyGoalTarget { get; set; }

    public bool Saved { get; set; }

    public static ProfileViewModel From(UserProfile profile) => new()
    {
        Goals = [.. profile.Goals], Level = profile.Level, Limitations = [.. profile.Limitations],
        Preferences = string.Join(", ", profile.Preferences), HeightCm = profile.HeightCm,
        DisplayName = profile.DisplayName,
        WeeklyGoalKind = profile.WeeklyGoal?.Kind, WeeklyGoalTarget = profile.WeeklyGoal?.Target,
    };

    /// <summary>
    /// The goal as entered: none when no kind is chosen; a kind without a target is the form's to refuse.
    /// </summary>
    public WeeklyGoal? WeeklyGoal => WeeklyGoalKind is { } kind ? new WeeklyGoal(kind, WeeklyGoalTarget ?? 0) : null;

    public UserProfile ToDomain() => new(
        Goals.ToHashSet(), Level, Limitations.ToHashSet(),
        (Preferences ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        HeightCm, DisplayName,
        WeeklyGoal);
}
