using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Abstractions;

/// <summary>Which MoveNet pipeline to run.</summary>
public enum PoseModelKind
{
    /// <summary>Multipose finds the people, thunder refines each on a crop around them.</summary>
    Auto,

    /// <summary>Single person, 192x192 input: fastest.</summary>
    Lightning,

    /// <summary>Single person, 256x256 input: most accurate.</summary>
    Thunder,

    /// <summary>Up to 6 people in one pass, no refinement.</summary>
    Multipose,
}

/// <summary>Finds people and their 17 COCO keypoints in an upright RGB image.</summary>
public interface IPoseDetector
{
    /// <summary>
    /// False when a model the pipeline needs is not installed; <see cref="DetectAsync"/> then throws.
    /// </summary>
    bool IsAvailable(PoseModelKind model);

    /// <summary>
    /// Detects people in <paramref name="image"/>. No person is an empty <see cref="PoseDetectionResult.People"/>, not
    /// an error. Keypoint coordinates are in pixels of <paramref name="image"/>.
    /// </summary>
    Task<PoseDetectionResult> DetectAsync(RgbImage image, PoseModelKind model, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="DetectAsync"/>, for the next frame of a video in which <paramref name="previous"/> was found in
    /// the frame before (null: nobody was). A single-person model also looks where that person was, as MoveNet is
    /// meant to be run on video, and keeps to them; a detector that cannot follow a person detects afresh.
    /// </summary>
    Task<PoseDetectionResult> TrackAsync(RgbImage image, PoseModelKind model, Pose? previous,
        CancellationToken cancellationToken) => DetectAsync(image, model, cancellationToken);
}

/// <param name="ImageWidth">Width of the image the keypoints refer to, in pixels.</param>
/// <param name="ImageHeight">Height of the image the keypoints refer to, in pixels.</param>
/// <param name="Model">The pipeline that ran, as requested.</param>
/// <param name="People">People ordered by descending score; each has 17 keypoints in COCO order.</param>
/// <param name="KeypointThreshold">Keypoints scoring below this are unreliable: they are kept (with their score) but do
/// not count towards a person's box and score.</param>
/// <param name="Timings">Where the time went, in milliseconds.</param>
public sealed record PoseDetectionResult(
    int ImageWidth,
    int ImageHeight,
    PoseModelKind Model,
    IReadOnlyList<Pose> People,
    float KeypointThreshold,
    PoseDetectionTimings Timings);

/// <param name="DecodeMs">Turning encoded bytes into pixels (0 when the caller passed pixels).</param>
/// <param name="PreprocessMs">Resampling pixels into model inputs.</param>
/// <param name="InferenceMs">Inside ONNX Runtime, summed over every model run.</param>
/// <param name="TotalMs">The whole call.</param>
/// <param name="ModelRuns">How many model runs the pipeline made (e.g. 2 for a refined single pose).</param>
public sealed record PoseDetectionTimings(double DecodeMs, double PreprocessMs, double InferenceMs, double TotalMs,
    int ModelRuns);
