using PoseGen.Core.Abstractions;

namespace PoseGen.Inference.Scheduling;

public sealed partial class InferenceScheduler
{
    /// <summary>
    /// One queued request. <see cref="Node"/> is non-null exactly while it waits in a queue (under the lock).
    /// </summary>
    private abstract class WorkItem(InferenceScheduler owner, InferencePriority priority,
        CancellationToken cancellationToken)
    {
        private CancellationTokenRegistration _cancelled;
        private ITimer? _deadline;

        protected InferenceScheduler Owner { get; } = owner;

        protected CancellationToken CancellationToken { get; } = cancellationToken;

        public InferencePriority Priority { get; } = priority;

        public LinkedListNode<WorkItem>? Node { get; set; }

        /// <summary>
        /// After it is queued: leave the queue when the caller cancels or <paramref name="timeout"/> passes.
        /// </summary>
        public void Watch(TimeSpan? timeout)
        {
            if (timeout is { } wait)
                _deadline = Owner._time.CreateTimer(static s => ((WorkItem)s!).OnDeadline(), this, wait,
                    Timeout.InfiniteTimeSpan);
            _cancelled = CancellationToken.UnsafeRegister(static s => ((WorkItem)s!).OnCancelled(), this);
        }

        private void OnDeadline() => Owner.Expired(this);

        private void OnCancelled()
        {
            if (Owner.TryRemove(this))
                Cancel();
        }

        /// <summary>On a worker: runs unless cancelled meanwhile, and completes the task.</summary>
        public void Execute()
        {
            StopWatching();
            if (CancellationToken.IsCancellationRequested)
            {
                Cancel();
                return;
            }
            Run();
        }

        public void Refuse(Exception reason)
        {
            StopWatching();
            Fail(reason);
        }

        private void StopWatching()
        {
            _deadline?.Dispose();
            // Not Dispose: that waits for a running callback, which may be waiting for the lock this thread holds.
            _cancelled.Unregister();
        }

        protected abstract void Run();

        protected abstract void Cancel();

        protected abstract void Fail(Exception reason);
    }

    private sealed class WorkItem<T>(InferenceScheduler owner, InferencePriority priority,
        Func<CancellationToken, T> work, CancellationToken cancellationToken)
        : WorkItem(owner, priority, cancellationToken)
    {
        // Continuations run on the thread pool, never on a worker thread or inside the scheduler's lock.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        protected override void Run()
        {
            try
            {
                _completion.TrySetResult(work(CancellationToken));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(CancellationToken);
            }
            catch (Exception failure)
            {
                _completion.TrySetException(failure);
            }
        }

        protected override void Cancel() => _completion.TrySetCanceled(CancellationToken);

        protected override void Fail(Exception reason) => _completion.TrySetException(reason);
    }
}
