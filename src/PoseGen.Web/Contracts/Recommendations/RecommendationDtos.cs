using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Contracts.Recommendations;

/// <summary>The JSON body of POST /api/v1/recommendations (the multipart form uses the same field names).
/// <see cref="SessionId"/> is the <c>id</c> of an earlier answer: this request then edits that session (its chips) and
/// updates its History entry instead of adding one.</summary>
public sealed record RecommendationRequestDto(
    string? Prompt = null,
    IReadOnlyList<string>? Environment = null,
    IReadOnlyList<string>? Outfit = null,
    IReadOnlyList<string>? Goals = null,
    string? Level = null,
    IReadOnlyList<string>? Limitations = null,
    int? Count = null,
    Guid? SessionId = null);

public sealed record ContextLabelDto(string Label, double Confidence, string Source, IReadOnlyList<string> Evidence)
{
    public static IReadOnlyList<ContextLabelDto> From(IEnumerable<ContextEstimate> estimates) =>
        estimates.Select(e => new ContextLabelDto(e.Label, Math.Round(e.Confidence, 3),
            e.Source.ToString().ToLowerInvariant(), e.Evidence)).ToList();
}

public sealed record RecommendationContextDto(
    IReadOnlyList<ContextLabelDto> Environment, IReadOnlyList<ContextLabelDto> Outfit,
    IReadOnlyList<ContextLabelDto> Goals, IReadOnlyList<ContextLabelDto> Moods,
    IReadOnlyList<ContextLabelDto> BodyFocus, IReadOnlyList<ContextLabelDto> Limitations, bool NotOnFloor);

/// <summary>
/// One recommended pose; keypoints are COCO-17 in pixels of a 512 x 512 front view for the user's proportions.
/// </summary>
public sealed record RecommendedPoseDto(
    string Id, string Name, string? Sanskrit, string Category, string Difficulty, double Score,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> Cues, string? Feedback,
    IReadOnlyList<NamedKeypoint> Keypoints);

/// <summary>
/// A recommendation run. <see cref="PersonFound"/> is null without a photo; <see cref="NearestToPhoto"/> is the library
/// pose closest to the person in the photo.
/// </summary>
public sealed record RecommendationResponse(
    Guid Id, string? Prompt, RecommendationContextDto Context, IReadOnlyList<RecommendedPoseDto> Poses,
    int Considered, int Filtered, bool? PersonFound, string? NearestToPhoto, string? PromptNote = null);

public sealed record FeedbackRequestDto(string? PoseId, string? Kind);

public sealed record LibraryPoseSummaryDto(
    string Id, string Name, string? Sanskrit, string Category, string Kind, string Difficulty,
    IReadOnlyList<string> Environments, IReadOnlyList<string> Outfits, IReadOnlyList<string> Contraindications)
{
    public static LibraryPoseSummaryDto From(LibraryPose p) => new(
        p.Id, p.Name, p.Sanskrit, PoseText.Id(p.Category), PoseText.Id(p.Kind), PoseText.Id(p.Difficulty),
        p.Environments, p.Outfits, p.Contraindications);
}

/// <summary>
/// One library pose in full, with keypoints for the requested view and format (posegen = COCO-17, openpose = 18).
/// </summary>
public sealed record LibraryPoseDto(
    LibraryPoseSummaryDto Pose, IReadOnlyList<string> Muscles, IReadOnlyList<string> Benefits,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> ProgressesFrom, IReadOnlyList<string> ProgressesTo, string View, string Format,
    int Width, int Height, IReadOnlyList<NamedKeypoint> Keypoints);
