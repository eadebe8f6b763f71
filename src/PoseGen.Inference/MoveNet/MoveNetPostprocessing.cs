using PoseGen.Core.Poses;

namespace PoseGen.Inference.MoveNet;

/// <summary>A person as the multipose model reports it, already in source pixels.</summary>
/// <param name="Keypoints">17 keypoints in COCO order.</param>
/// <param name="Box">The model's own person box.</param>
/// <param name="Score">The model's person score.</param>
public sealed record MultiposeCandidate(Keypoint[] Keypoints, BoundingBox Box, float Score);

/// <summary>Reads MoveNet outputs: per keypoint (y, x, score) with y and x normalised to the input frame.</summary>
public static class MoveNetPostprocessing
{
    /// <summary>Values per keypoint: y, x, score.</summary>
    public const int ValuesPerKeypoint = 3;

    /// <summary>Values per multipose instance: 17 x (y, x, score), then ymin, xmin, ymax, xmax, score.</summary>
    public const int MultiposeInstanceSize = CocoKeypoints.Count * ValuesPerKeypoint + 5;

    /// <summary>Single-pose output [1, 1, 17, 3] to keypoints in source pixels.</summary>
    public static Keypoint[] ReadKeypoints(ReadOnlySpan<float> output, InputWindow window)
    {
        if (output.Length < CocoKeypoints.Count * ValuesPerKeypoint)
            throw new ArgumentException($"Expected at least {CocoKeypoints.Count * ValuesPerKeypoint} values.",
                nameof(output));
        var keypoints = new Keypoint[CocoKeypoints.Count];
        for (var k = 0; k < keypoints.Length; k++)
        {
            var (x, y) = window.ToSource(output[k * 3 + 1], output[k * 3]);
            keypoints[k] = new Keypoint(x, y, output[k * 3 + 2]);
        }
        return keypoints;
    }

    /// <summary>
    /// Multipose output [1, N, 56] to the candidates scoring at least <paramref name="minScore"/>, best first.
    /// </summary>
    public static IReadOnlyList<MultiposeCandidate> ReadMultipose(ReadOnlySpan<float> output, InputWindow window,
        float minScore)
    {
        if (output.Length % MultiposeInstanceSize != 0)
            throw new ArgumentException(
                $"Multipose output length {output.Length} is not a multiple of {MultiposeInstanceSize}.",
                nameof(output));
        var people = new List<MultiposeCandidate>();
        for (var i = 0; i < output.Length / MultiposeInstanceSize; i++)
        {
            var instance = output.Slice(i * MultiposeInstanceSize, MultiposeInstanceSize);
            var score = instance[MultiposeInstanceSize - 1];
            if (score < minScore)
                continue;
            var boxValues = instance.Slice(CocoKeypoints.Count * ValuesPerKeypoint, 4);
            var (left, top) = window.ToSource(boxValues[1], boxValues[0]);
            var (right, bottom) = window.ToSource(boxValues[3], boxValues[2]);
            people.Add(new MultiposeCandidate(ReadKeypoints(instance, window),
                new BoundingBox(left, top, right - left, bottom - top), score));
        }
        people.Sort((a, b) => b.Score.CompareTo(a.Score));
        return people;
    }

    /// <summary>
    /// Mean score of the keypoints at or above <paramref name="threshold"/> (0 when none), as the TF.js single-pose
    /// pipeline scores a pose.
    /// </summary>
    public static float PoseScore(ReadOnlySpan<Keypoint> keypoints, float threshold)
    {
        float sum = 0;
        var count = 0;
        foreach (var k in keypoints)
        {
            if (k.Score < threshold)
                continue;
            sum += k.Score;
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    /// <summary>
    /// Tight box around the keypoints at or above <paramref name="threshold"/>, clipped to the image; an empty box at
    /// the image centre when none is.
    /// </summary>
    public static BoundingBox KeypointBox(ReadOnlySpan<Keypoint> keypoints, float threshold, int imageWidth,
        int imageHeight)
    {
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        foreach (var k in keypoints)
        {
            if (k.Score < threshold)
                continue;
            minX = Math.Min(minX, k.X);
            minY = Math.Min(minY, k.Y);
            maxX = Math.Max(maxX, k.X);
            maxY = Math.Max(maxY, k.Y);
        }
        if (minX > maxX)
            return new BoundingBox(imageWidth / 2f, imageHeight / 2f, 0, 0);
        minX = Math.Clamp(minX, 0, imageWidth);
        maxX = Math.Clamp(maxX, 0, imageWidth);
        minY = Math.Clamp(minY, 0, imageHeight);
        maxY = Math.Clamp(maxY, 0, imageHeight);
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
