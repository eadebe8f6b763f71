namespace PoseGen.Core.Poses;

/// <summary>
/// A keypoint in pixels of the upright image (x right, y down) with the model's confidence in [0, 1].
/// </summary>
public readonly record struct Keypoint(float X, float Y, float Score);

/// <summary>An axis-aligned box in pixels of the upright image.</summary>
public readonly record struct BoundingBox(float X, float Y, float Width, float Height);

/// <summary>One person's 17 COCO keypoints (in <see cref="CocoKeypoint"/> order), overall score and box.</summary>
public sealed record Pose(IReadOnlyList<Keypoint> Keypoints, float Score, BoundingBox Box)
{
    public Keypoint this[CocoKeypoint joint] => Keypoints[(int)joint];
}
