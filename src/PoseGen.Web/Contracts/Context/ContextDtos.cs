using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Contracts.Context;

/// <summary>POST /api/v1/context/classify: ranked environment and outfit labels with source and evidence, whether the
/// photo is indoors and its lighting (null when only a prompt was sent). <see cref="EnvironmentSure"/> and
/// <see cref="OutfitSure"/> are false when no label of the photo is likely enough: its labels are then guesses ("not
/// sure"); null when only a prompt was sent.</summary>
public sealed record ContextClassificationResponse(
    IReadOnlyList<ContextLabelDto> Environment,
    IReadOnlyList<ContextLabelDto> Outfit,
    bool? Indoor,
    string? Lighting,
    IReadOnlyList<DetectedObjectDto> Objects,
    bool? EnvironmentSure = null,
    bool? OutfitSure = null);

/// <summary>A COCO object CenterNet found; box in pixels of the classified (downscaled) photo.</summary>
public sealed record DetectedObjectDto(string Label, double Score, double X, double Y, double Width, double Height);
