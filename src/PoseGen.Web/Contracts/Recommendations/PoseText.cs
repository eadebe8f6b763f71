using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Contracts.Recommendations;

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
