using PoseGen.Core.Abstractions;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;
using PoseGen.Inference.Context;

namespace PoseGen.Inference.Scheduling;

/// <summary>
/// The app's <see cref="ISceneClassifier"/>: all its models (objects, pose, mask) as one interactive scheduler job.
/// </summary>
public sealed class ScheduledSceneClassifier(OnnxSceneClassifier classifier,
    InferenceScheduler scheduler) : ISceneClassifier
{
    public bool IsAvailable => classifier.IsAvailable;

    public Task<SceneContext> ClassifyAsync(RgbImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return scheduler.RunAsync(InferencePriority.Interactive, ct => classifier.Classify(image, ct),
            cancellationToken);
    }
}
