namespace PoseGen.Web.Contracts.Generation;

/// <summary>
/// <c>POST /api/v1/generations</c>. The pose comes from exactly one of: <see cref="PoseId"/> (+ view, height in
/// metres), <see cref="Keypoints"/> (OpenPose BODY_18 as 54 numbers x, y, score in output pixels, as pose_keypoints_2d)
/// or <see cref="AnalysisId"/> (the main person of a saved photo analysis). <see cref="InitAnalysisId"/> starts from
/// that analysis's photo (image-to-image) with <see cref="Strength"/>.
/// </summary>
public sealed record GenerationRequestDto(
    string? PoseId = null, string? View = null, double? HeightM = null, float[]? Keypoints = null,
    Guid? AnalysisId = null,
    string? Prompt = null, string? NegativePrompt = null, int? Steps = null, string? Scheduler = null,
    long? Seed = null,
    float? Guidance = null, float? ControlNetStrength = null, int? Width = null, int? Height = null,
    Guid? InitAnalysisId = null, float? Strength = null);
