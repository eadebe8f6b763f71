namespace PoseGen.Core.Abstractions;

/// <summary>Who waits for a model run.</summary>
public enum InferencePriority
{
    /// <summary>A person waiting for an answer (photos, comparisons, context, recommendations with a photo).</summary>
    Interactive,

    /// <summary>
    /// Queued work nobody watches frame by frame (video analysis): runs only when no interactive work waits.
    /// </summary>
    Background,
}
