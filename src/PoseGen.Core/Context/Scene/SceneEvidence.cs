using PoseGen.Core.Poses;

namespace PoseGen.Core.Context.Scene;

/// <summary>
/// The measured evidence for one photo. Background is every pixel outside the person (mask below 0.5, or outside the
/// person's box when there is no mask). The top band is the background in the upper 30% of the photo (sky, ceilings),
/// the ground band the background in the lower 30% (sand, grass, snow, floor).
/// </summary>
public sealed record SceneEvidence(
    RegionStatistics Top,
    RegionStatistics Ground,
    RegionStatistics Background,
    RegionStatistics Whole,
    OutfitEvidence? Outfit,
    IReadOnlyList<DetectedObject> Objects)
{
    public const float MinObjectScore = 0.3f;

    public static SceneEvidence Measure(SceneObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var image = observation.Image;
        var isPerson = PersonTest(observation);
        int top = (int)(image.Height * 0.3), ground = (int)(image.Height * 0.7);
        return new SceneEvidence(
            RegionSampler.Measure(image, (x, y) => y < top && !isPerson(x, y)),
            RegionSampler.Measure(image, (x, y) => y >= ground && !isPerson(x, y)),
            RegionSampler.Measure(image, (x, y) => !isPerson(x, y)),
            RegionSampler.Measure(image, (_, _) => true),
            observation.Person is { } pose ? OutfitEvidence.Measure(image, pose, isPerson) : null,
            [.. observation.Objects.Where(o => o.Score >= MinObjectScore)]);
    }

    public bool Has(string label) => Objects.Any(o => o.Label == label);

    public int CountOf(string label) => Objects.Count(o => o.Label == label);

    private static Func<int, int, bool> PersonTest(SceneObservation observation)
    {
        var (w, h) = (observation.Image.Width, observation.Image.Height);
        if (observation.Mask is { } mask)
            return (x, y) => mask.At(x, y, w, h) >= 0.5f;
        if (observation.Person is { } pose)
        {
            var box = pose.Box;
            return (x, y) => x >= box.X && x <= box.X + box.Width && y >= box.Y && y <= box.Y + box.Height;
        }
        return (_, _) => false;
    }
}
