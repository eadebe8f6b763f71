using System.Text.Json;
using System.Text.Json.Serialization;
using PoseGen.Core.History;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Contracts.History;

/// <summary>One History entry as a download: what lists show, its figures and its full result document.</summary>
public sealed record HistoryEntryExport(
    Guid Id, string Kind, string KindName, DateTime CreatedAtUtc, string Title, string? Summary,
    ActivityFigures Figures, JsonElement Document);

/// <summary>
/// A workout's keypoint frames in OpenPose's JSON layout, one frame after another. <see cref="Layout"/> names the joint
/// order: "COCO-18" (OpenPose's 18-joint COCO body model: nose, neck, right then left arm, right then left leg, eyes,
/// ears; not BODY_25). Each frame is what OpenPose writes per image: people with pose_keypoints_2d = 18 x (x, y,
/// confidence) in pixels.
/// </summary>
public sealed record OpenPoseSequence(
    [property: JsonPropertyName("layout")] string Layout,
    [property: JsonPropertyName("frames_per_second")] double FramesPerSecond,
    [property: JsonPropertyName("frames")] IReadOnlyList<OpenPoseFrame> Frames);

public sealed record OpenPoseFrame(
    [property: JsonPropertyName("time_s")] double TimeS,
    [property: JsonPropertyName("people")] IReadOnlyList<OpenPosePerson> People,
    [property: JsonPropertyName("canvas_width")] int CanvasWidth,
    [property: JsonPropertyName("canvas_height")] int CanvasHeight);
