using PoseGen.Core.Poses;

namespace PoseGen.Inference.MoveNet;

/// <summary>
/// Where to look again for a person already found: a square around the hips, large enough for the torso and every
/// confident keypoint with a margin. Follows the idea of MoveNet's own cropping (tfjs-models pose-detection
/// movenet/crop_utils: hip-centred square, half side = max(1.9 x torso extent, 1.2 x body extent)), applied within one
/// photo instead of from one video frame to the next.
/// </summary>
public static class CropRegion
{
    /// <summary>Margin factors from MoveNet's cropping: the torso may not fill more than ~half the crop.</summary>
    private const float TorsoMargin = 1.9f;
    private const float BodyMargin = 1.2f;

    /// <summary>Box-based crops (when the torso is not visible) add this much around the box's long side.</summary>
    private const float BoxMargin = 1.25f;

    private static readonly CocoKeypoint[] Torso =
        [CocoKeypoint.LeftShoulder, CocoKeypoint.RightShoulder, CocoKeypoint.LeftHip, CocoKeypoint.RightHip];

    /// <summary>
    /// The crop around a person whose keypoints (source pixels) came from a previous pass, or null when no crop would
    /// help: the torso is not confidently visible (a shoulder and a hip at or above <paramref name="minScore"/>), or
    /// the crop would be as large as the whole image.
    /// </summary>
    public static InputWindow? AroundKeypoints(
        ReadOnlySpan<Keypoint> keypoints, int imageWidth, int imageHeight, float minScore, int inputSize)
    {
        var leftHip = keypoints[(int)CocoKeypoint.LeftHip];
        var rightHip = keypoints[(int)CocoKeypoint.RightHip];
        var shoulders = keypoints[(int)CocoKeypoint.LeftShoulder].Score >= minScore
            || keypoints[(int)CocoKeypoint.RightShoulder].Score >= minScore;
        var hips = leftHip.Score >= minScore || rightHip.Score >= minScore;
        if (!shoulders || !hips)
            return null;

        // Centre between the confident hips (MoveNet uses both hips' mean; a missed hip would drag the centre away).
        var (cx, cy) = (leftHip.Score >= minScore, rightHip.Score >= minScore) switch
        {
            (true, true) => ((leftHip.X + rightHip.X) / 2, (leftHip.Y + rightHip.Y) / 2),
            (true, false) => (leftHip.X, leftHip.Y),
            _ => (rightHip.X, rightHip.Y),
        };

        float torsoRange = 0, bodyRange = 0;
        foreach (var joint in Torso)
        {
            var k = keypoints[(int)joint];
            if (k.Score >= minScore)
                torsoRange = Math.Max(torsoRange, Math.Max(Math.Abs(k.X - cx), Math.Abs(k.Y - cy)));
        }
        foreach (var k in keypoints)
        {
            if (k.Score >= minScore)
                bodyRange = Math.Max(bodyRange, Math.Max(Math.Abs(k.X - cx), Math.Abs(k.Y - cy)));
        }

        var half = Math.Max(torsoRange * TorsoMargin, bodyRange * BodyMargin);
        // Never reach further than the farthest image edge: beyond it there is only padding.
        half = Math.Min(half, Math.Max(Math.Max(cx, imageWidth - cx), Math.Max(cy, imageHeight - cy)));
        if (half * 2 >= Math.Max(imageWidth, imageHeight) || half < 1)
            return null;
        return InputWindow.Square(cx, cy, half * 2, inputSize);
    }

    /// <summary>A square around a detector's person box, for people whose torso keypoints are not confident.</summary>
    public static InputWindow AroundBox(BoundingBox box, int inputSize)
    {
        var side = Math.Max(Math.Max(box.Width, box.Height) * BoxMargin, 1);
        return InputWindow.Square(box.X + box.Width / 2, box.Y + box.Height / 2, side, inputSize);
    }
}
