using PoseGen.Core.Errors;

namespace PoseGen.Inference.Scheduling;

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
