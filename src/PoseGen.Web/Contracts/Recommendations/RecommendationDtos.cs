using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Web.ViewModels.Poses;

namespace PoseGen.Web.ViewModels.Recommendations;

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

/// <summary>Lower-case ids of enum values as the API and the pages show them.</summary>
public static class PoseText
{
    public static string Id<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static IReadOnlyList<NamedKeypoint> Coco(Pose pose) =>
        pose.Keypoints.Select((k, i) => new NamedKeypoint(CocoKeypoints.Names[i], k.X, k.Y, k.Score)).ToList();

    public static IReadOnlyList<NamedKeypoint> OpenPose(IReadOnlyList<Keypoint> keypoints) =>
        keypoints.Select((k, i) => new NamedKeypoint(OpenPoseBody18.Names[i], k.X, k.Y, k.Score)).ToList();

    /// <summary>"front", "side", "three-quarter" (the API's spelling) to a view; null when unknown.</summary>
    public static PoseView? View(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "front" => PoseView.Front,
        "side" => PoseView.Side,
        "three-quarter" or "threequarter" => PoseView.ThreeQuarter,
        _ => null,
    };

    public static string Id(PoseView view) => view switch
    {
        PoseView.Front => "front", PoseView.Side => "side", _ => "three-quarter",
    };

    public static string Id(Core.Recommendations.FeedbackKind kind) => kind switch
    {
        Core.Recommendations.FeedbackKind.Like => "like",
        Core.Recommendations.FeedbackKind.NotForMe => "not_for_me",
        _ => "done",
    };

    public static Core.Recommendations.FeedbackKind? Feedback(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "like" => Core.Recommendations.FeedbackKind.Like,
        "not_for_me" or "not-for-me" or "notforme" => Core.Recommendations.FeedbackKind.NotForMe,
        "done" or "done_it" or "done-it" or "doneit" => Core.Recommendations.FeedbackKind.DoneIt,
        _ => null,
    };
}
