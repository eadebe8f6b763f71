using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;

namespace PoseGen.Web.Contracts.Poses;

public sealed record NamedKeypoint(string Name, float X, float Y, float Score);

public sealed record PersonBox(float X, float Y, float Width, float Height);

public sealed record DetectedPerson(float Score, PersonBox Box, IReadOnlyList<NamedKeypoint> Keypoints);

public sealed record DetectionTimings(double Decode, double Inference, double Total);

/// <summary>
/// POST /api/v1/poses/detect in PoseGen's own format: coordinates in pixels of the upright (EXIF-oriented) image.
/// Also the document saved in the user's history.
/// </summary>
public sealed record PoseDetectionResponse(
    Guid Id,
    int ImageWidth,
    int ImageHeight,
    string Model,
    float KeypointThreshold,
    IReadOnlyList<DetectedPerson> People,
    DetectionTimings TimingsMs)
{
    public static IReadOnlyList<DetectedPerson> FromPoses(IEnumerable<Pose> people) =>
        people.Select(p => new DetectedPerson(
            p.Score,
            new PersonBox(p.Box.X, p.Box.Y, p.Box.Width, p.Box.Height),
            p.Keypoints.Select((k, i) => new NamedKeypoint(CocoKeypoints.Names[i], k.X, k.Y, k.Score)).ToList()))
            .ToList();

    public static string ModelName(PoseModelKind model) => model.ToString().ToLowerInvariant();

    /// <summary>Back to domain poses (for other features that start from a saved analysis).</summary>
    public IReadOnlyList<Pose> ToPoses() =>
        People.Select(p => new Pose(
            p.Keypoints.Select(k => new Keypoint(k.X, k.Y, k.Score)).ToArray(),
            p.Score,
            new BoundingBox(p.Box.X, p.Box.Y, p.Box.Width, p.Box.Height))).ToList();
}
