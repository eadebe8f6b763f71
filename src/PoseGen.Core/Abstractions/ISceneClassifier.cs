using PoseGen.Core.Context;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;

namespace PoseGen.Core.Abstractions;

/// <summary>
/// Estimates where a photo was taken and what the person wears, from detectors plus measured image evidence.
/// </summary>
public interface ISceneClassifier
{
    /// <summary>False when a model it needs is not installed; <see cref="ClassifyAsync"/> then throws.</summary>
    bool IsAvailable { get; }

    /// <summary>A photo without a person still gets an environment; its outfit list is then empty.</summary>
    Task<SceneContext> ClassifyAsync(RgbImage image, CancellationToken cancellationToken);
}
