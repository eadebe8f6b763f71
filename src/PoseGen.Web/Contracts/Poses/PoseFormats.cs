using PoseGen.Core.Poses;

namespace PoseGen.Web.Contracts.Poses;

/// <summary>The export formats of a detection: PoseGen's own, COCO results, OpenPose JSON.</summary>
public enum PoseOutputFormat { Posegen, Coco, Openpose }

/// <summary>One entry of the COCO keypoint results format: 17 x (x, y, v) with v = keypoint score.</summary>
public sealed record CocoResult(
    [property: System.Text.Json.Serialization.JsonPropertyName("image_id")] long ImageId,
    [property: System.Text.Json.Serialization.JsonPropertyName("category_id")] int CategoryId,
    [property: System.Text.Json.Serialization.JsonPropertyName("keypoints")] IReadOnlyList<float> Keypoints,
    [property: System.Text.Json.Serialization.JsonPropertyName("score")] float Score);

public sealed record OpenPosePerson(
    [property: System.Text.Json.Serialization.JsonPropertyName(
        "pose_keypoints_2d")] IReadOnlyList<float> PoseKeypoints2d);

/// <summary>
/// OpenPose's JSON (as ControlNet's editors read it): 18 body joints x (x, y, confidence), 0,0,0 when missing.
/// </summary>
public sealed record OpenPoseDocument(
    [property: System.Text.Json.Serialization.JsonPropertyName("people")] IReadOnlyList<OpenPosePerson> People,
    [property: System.Text.Json.Serialization.JsonPropertyName("canvas_width")] int CanvasWidth,
    [property: System.Text.Json.Serialization.JsonPropertyName("canvas_height")] int CanvasHeight);

public static class PoseFormats
{
    public static object Render(PoseDetectionResponse response, PoseOutputFormat format, long cocoImageId) =>
        format switch
    {
        PoseOutputFormat.Coco => ToCoco(response, cocoImageId),
        PoseOutputFormat.Openpose => ToOpenPose(response),
        _ => response,
    };

    public static IReadOnlyList<CocoResult> ToCoco(PoseDetectionResponse response, long imageId) =>
        response.People.Select(p => new CocoResult(
            imageId, 1, p.Keypoints.SelectMany(k => new[] { k.X, k.Y, k.Score }).ToList(), p.Score)).ToList();

    public static OpenPoseDocument ToOpenPose(PoseDetectionResponse response) =>
        new(
            response.ToPoses().Select(p => new OpenPosePerson(
                OpenPoseBody18.Convert(p.Keypoints, response.KeypointThreshold)
                    .SelectMany(k => new[] { k.X, k.Y, k.Score }).ToList())).ToList(),
            response.ImageWidth,
            response.ImageHeight);
}
