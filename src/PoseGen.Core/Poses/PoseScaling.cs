namespace PoseGen.Core.Poses;

public static class PoseScaling
{
    /// <summary>
    /// The same pose in another pixel frame of the same picture, e.g. from a decoded thumbnail back to the original
    /// image: x multiplied by <paramref name="scaleX"/>, y by <paramref name="scaleY"/>; scores unchanged.
    /// </summary>
    public static Pose Scale(this Pose pose, float scaleX, float scaleY)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var keypoints = pose.Keypoints.Select(k => k with { X = k.X * scaleX, Y = k.Y * scaleY }).ToArray();
        var box = new BoundingBox(pose.Box.X * scaleX, pose.Box.Y * scaleY, pose.Box.Width * scaleX,
            pose.Box.Height * scaleY);
        return new Pose(keypoints, pose.Score, box);
    }
}
