using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Context.Scene;

/// <summary>A COCO object found in the photo; <see cref="Box"/> is in pixels of the photo.</summary>
public sealed record DetectedObject(string Label, float Score, BoundingBox Box);

/// <summary>Person probability per pixel on a Width x Height grid covering the whole photo (row-major, 0..1).</summary>
public sealed record PersonMask(int Width, int Height, float[] Probabilities)
{
    /// <summary>
    /// The mask value at photo pixel (x, y) of a photo <paramref name="photoWidth"/> x <paramref name="photoHeight"/>.
    /// </summary>
    public float At(int x, int y, int photoWidth, int photoHeight) =>
        Probabilities[(Math.Min(y * Height / photoHeight, Height - 1) * Width)
            + Math.Min(x * Width / photoWidth, Width - 1)];
}

/// <summary>
/// What the detectors saw: objects, the person mask (null when no segmenter ran) and the main person's pose.
/// </summary>
public sealed record SceneObservation(RgbImage Image, IReadOnlyList<DetectedObject> Objects, PersonMask? Mask,
    Pose? Person);

/// <summary>The classification: ranked environment and outfit estimates (source Image) with their evidence.
/// <see cref="EnvironmentSure"/> and <see cref="OutfitSure"/> are false when no label is likely enough: the estimates
/// are then guesses to show as "not sure", never to act on.</summary>
public sealed record SceneContext(
    IReadOnlyList<ContextEstimate> Environment,
    IReadOnlyList<ContextEstimate> Outfit,
    bool Indoor,
    string Lighting,
    IReadOnlyList<DetectedObject> Objects,
    bool EnvironmentSure = true,
    bool OutfitSure = true)
{
    public static SceneContext Empty { get; } = new([], [], false, "unknown", []);
}
