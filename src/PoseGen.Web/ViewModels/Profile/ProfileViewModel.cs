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

    public bool Saved { get; set; }

    public static ProfileViewModel From(UserProfile profile) => new()
    {
        Goals = [.. profile.Goals], Level = profile.Level, Limitations = [.. profile.Limitations],
        Preferences = string.Join(", ", profile.Preferences), HeightCm = profile.HeightCm, DisplayName = profile.DisplayName,
    };

    public UserProfile ToDomain() => new(
        Goals.ToHashSet(), Level, Limitations.ToHashSet(),
        (Preferences ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), HeightCm, DisplayName);
}

/// <summary>The profile as the JSON API reads and writes it.</summary>
public sealed record ProfileDto(
    IReadOnlyList<Goal> Goals,
    Level Level,
    IReadOnlyList<Limitation> Limitations,
    IReadOnlyList<string> Preferences,
    [Range(80, 250)] int? HeightCm,
    [StringLength(UserProfile.MaxDisplayName)] string? DisplayName = null)
{
    public static ProfileDto From(UserProfile p) => new([.. p.Goals.Order()], p.Level, [.. p.Limitations.Order()], p.Preferences, p.HeightCm, p.DisplayName);

    public UserProfile ToDomain() => new((Goals ?? []).ToHashSet(), Level, (Limitations ?? []).ToHashSet(), Preferences ?? [], HeightCm, DisplayName);
}
