using PoseGen.Core.Poses;

namespace PoseGen.Core.Workouts;

/// <summary>
/// One input to <see cref="RepCounter"/>: time in seconds (any origin, increasing), the 17 COCO keypoints in pixels of
/// an image of the given size (scores in [0, 1]; an absent person is all-zero scores), and for the "hold" exercise the
/// similarity in [0, 1] of the pose to the reference pose, computed by the caller.
/// </summary>
public sealed record PoseFrame(double TimeSeconds, IReadOnlyList<Keypoint> Keypoints, int ImageWidth, int ImageHeight,
    double? Similarity = null)
{
    private static readonly Keypoint[] Nobody = new Keypoint[CocoKeypoints.Count];

    public static PoseFrame FromPose(double timeSeconds, Pose? pose, int imageWidth, int imageHeight,
        double? similarity = null) =>
        new(timeSeconds, pose?.Keypoints ?? Nobody, imageWidth, imageHeight, similarity);
}
