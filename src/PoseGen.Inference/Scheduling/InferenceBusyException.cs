using PoseGen.Core.Errors;

namespace PoseGen.Inference.Scheduling;

/// <summary>Why a model run was refused.</summary>
public enum InferenceBusyReason
{
    /// <summary>Too many requests were already waiting.</summary>
    QueueFull,

    /// <summary>The request waited as long as it may without reaching a worker.</summary>
    DeadlinePassed,
}

/// <summary>
/// The models are busy: the caller should try again after <see cref="RetryAfter"/>. Not a failure of the request.
/// </summary>
public sealed class InferenceBusyException(InferenceBusyReason reason, TimeSpan retryAfter)
    : BusyException(reason == InferenceBusyReason.QueueFull
        ? $"The server is busy with other photos. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} s."
        : $"The server could not start on this photo in time. Try again in " +
        $"{(int)Math.Ceiling(retryAfter.TotalSeconds)} s.",
        retryAfter)
{
    public InferenceBusyReason Reason { get; } = reason;
}
