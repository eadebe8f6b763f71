using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Inference.MoveNet;

namespace PoseGen.Inference.Scheduling;

/// <summary>
/// The app's <see cref="IPoseDetector"/>: MoveNet, run on an <see cref="InferenceScheduler"/> worker at one priority.
/// </summary>
public sealed class ScheduledPoseDetector(MoveNetPoseDetector detector, InferenceScheduler scheduler,
    InferencePriority priority) : IPoseDetector
{
    public bool IsAvailable(PoseModelKind model) => detector.IsAvailable(model);

    public Task<PoseDetectionResult> DetectAsync(RgbImage image, PoseModelKind model,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return scheduler.RunAsync(priority, ct => detector.Detect(image, model, ct), cancellationToken);
    }

    public Task<PoseDetectionResult> TrackAsync(RgbImage image, PoseModelKind model, Pose? previous,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return scheduler.RunAsync(priority, ct => detector.Track(image, model, previous, ct), cancellationToken);
    }
}
