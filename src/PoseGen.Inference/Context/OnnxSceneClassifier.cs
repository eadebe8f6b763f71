using PoseGen.Core.Abstractions;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;
using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Context;

/// <summary>
/// The scene classifier: CenterNet objects, the selfie person mask and the main person's MoveNet keypoints, then the
/// pure rules in PoseGen.Core (<see cref="SceneClassifier"/>). Runs its models on the calling thread: the app reaches
/// it through <see cref="Scheduling.ScheduledSceneClassifier"/>, which calls <see cref="Classify"/> on a scheduler
/// worker.
/// </summary>
public sealed class OnnxSceneClassifier(CenterNetObjectDetector objects, SelfieSegmenter segmenter,
    MoveNetPoseDetector poses) : ISceneClassifier
{
    public bool IsAvailable => objects.IsAvailable && segmenter.IsAvailable && poses.IsAvailable(PoseModelKind.Auto);

    public Task<SceneContext> ClassifyAsync(RgbImage image, CancellationToken cancellationToken) =>
        Task.FromResult(Classify(image, cancellationToken));

    public SceneContext Classify(RgbImage image, CancellationToken cancellationToken) =>
        SceneClassifier.Classify(Observe(image, cancellationToken));

    /// <summary>
    /// What the detectors see in the photo, before any classification (also what the context trainer reads).
    /// </summary>
    public Task<SceneObservation> ObserveAsync(RgbImage image, CancellationToken cancellationToken) =>
        Task.FromResult(Observe(image, cancellationToken));

    private SceneObservation Observe(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var detected = objects.Detect(image);
        cancellationToken.ThrowIfCancellationRequested();
        var people = poses.Detect(image, PoseModelKind.Auto, cancellationToken);
        var person = people.People.Count > 0 ? people.People[0] : null;
        var mask = person is null ? null : segmenter.Segment(image);
        return new SceneObservation(image, detected, mask, person);
    }
}
