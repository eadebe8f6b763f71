namespace PoseGen.Inference.Scheduling;

/// <summary>Why a model run was refused.</summary>
public enum InferenceBusyReason
{
    /// <summary>Too many requests were already waiting.</summary>
    QueueFull,

    /// <summary>The request waited as long as it may without reaching a worker.</summary>
    DeadlinePassed,
}
