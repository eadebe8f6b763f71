using PoseGen.Core.Abstractions;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;

namespace PoseGen.Inference.Context;

/// <summary>
/// The scene classifier: CenterNet objects, the selfie person mask and the main person's MoveNet keypoints, then the
/// pure rules in PoseGen.Core (<see cref="SceneClassifier"/>).
/// </summary>
public sealed class OnnxSceneClassifier(CenterNetObjectDetector objects, SelfieSegmenter segmenter, IPoseDetector poses) : ISceneClassifier
{
    public bool IsAvailable => objects.IsAvailable && segmenter.IsAvailable && poses.IsAvailable(PoseModelKind.Auto);

    public async Task<SceneContext> ClassifyAsync(RgbImage image, CancellationToken cancellationToken) =>
        SceneClassifier.Classify(await ObserveAsync(image, cancellationToken).ConfigureAwait(false));

    /// <summary>What the detectors see in the photo, before any classification (also what the context trainer reads).</summary>
    public async Task<SceneObservation> ObserveAsync(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var detected = objects.Detect(image);
        cancellationToken.ThrowIfCancellationRequested();
        var people = await poses.DetectAsync(image, PoseModelKind.Auto, cancellationToken).ConfigureAwait(false);
        var person = people.People.Count > 0 ? people.People[0] : null;
        var mask = person is null ? null : segmenter.Segment(image);
        return new SceneObservation(image, detected, mask, person);
    }
}
