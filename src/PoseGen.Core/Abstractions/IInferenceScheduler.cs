namespace PoseGen.Core.Abstractions;

/// <summary>
/// The workers that run models, also for CPU-heavy work next to a model run (decoding an uploaded photo), so that
/// such work queues with the models instead of filling the request thread pool. A full queue is a busy error.
/// </summary>
public interface IInferenceScheduler
{
    /// <summary>
    /// Runs <paramref name="work"/> on a worker; throws a busy error when interactive work finds the queue full or
    /// waits past its deadline, and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/>
    /// fires first (the work then never starts). The token is passed to the work.
    /// </summary>
    Task<T> RunAsync<T>(
        InferencePriority priority, Func<CancellationToken, T> work, CancellationToken cancellationToken);
}
