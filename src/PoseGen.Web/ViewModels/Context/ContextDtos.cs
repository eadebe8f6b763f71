using PoseGen.Web.ViewModels.Recommendations;

namespace PoseGen.Web.ViewModels.Context;

/// <summary>POST /api/v1/context/classify: ranked environment and outfit labels with source and evidence, whether the
/// photo is indoors and its lighting (null when only a prompt was sent).</summary>
public sealed record ContextClassificationResponse(
    IReadOnlyList<ContextLabelDto> Environment,
    IReadOnlyList<ContextLabelDto> Outfit,
    bool? Indoor,
    string? Lighting,
    IReadOnlyList<DetectedObjectDto> Objects);

/// <summary>A COCO object CenterNet found; box in pixels of the classified (downscaled) photo.</summary>
public sealed record DetectedObjectDto(string Label, double Score, double X, double Y, double Width, double Height);
