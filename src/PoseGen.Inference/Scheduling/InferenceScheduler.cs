using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PoseGen.Inference.Scheduling;

/// <summary>
/// Every model run of the process goes through here: a fixed set of dedicated worker threads (not the request thread
/// pool) takes work from two queues, interactive first. Interactive work waits in a bounded queue with a deadline and is
/// refused with <see cref="InferenceBusyException"/> when the queue is full or the deadline passes; work whose caller
/// cancelled (the client went away) leaves the queue at once and never runs. Background work has no deadline and never
/// takes the last free worker, so a photo arriving during a video analysis waits for at most the frames in flight.
/// </summary>
public sealed partial class InferenceScheduler : IDisposable
{
    private readonly object gate = new();
    private readonly LinkedList<WorkItem> interactive = new();
    private readonly LinkedList<WorkItem> background = new();
    private readonly Thread[] threads;
    private readonly InferenceSchedulerOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger<InferenceScheduler> logger;
    private int running;
    private int runningBackground;
    private bool stopped;

    public InferenceScheduler(IOptions<InferenceSchedulerOptions> options, TimeProvider time, ILogger<InferenceScheduler> logger)
    {
        settings = options.Value;
        this.time = time;
        this.logger = logger;
        Workers = settings.EffectiveWorkers;
        threads = new Thread[Workers];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = $"inference-{i}" };
            threads[i].Start();
        }
    }

    public int Workers { get; }

    /// <summary>Background work may use all workers but one (all of them when there is only one).</summary>
    private int BackgroundWorkers => Math.Max(1, Workers - 1);

    /// <summary>Interactive requests waiting for a worker now.</summary>
    public int QueuedInteractive
    {
        get { lock (gate) return interactive.Count; }
    }

    /// <summary>Background requests waiting for a worker now.</summary>
    public int QueuedBackground
    {
        get { lock (gate) return background.Count; }
    }

    /// <summary>Work running on a worker now.</summary>
    public int Running
    {
        get { lock (gate) return running; }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a worker. Throws <see cref="InferenceBusyException"/> when an interactive request
    /// finds the queue full or waits past its deadline, and <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires first (the work then never starts). The token is passed to the work.
    /// </summary>
    public Task<T> RunAsync<T>(InferencePriority priority, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        var item = new WorkItem<T>(this, priority, work, cancellationToken);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(stopped, this);
            var queue = priority == InferencePriority.Interactive ? interactive : background;
            // Requests a free worker is about to take do not count as waiting.
            var idle = Math.Max(0, Workers - running - interactive.Count - background.Count);
            if (priority == InferencePriority.Interactive && interactive.Count >= settings.QueueLength + idle)
            {
                LogRefused(logger, InferenceBusyReason.QueueFull, interactive.Count);
                return Task.FromException<T>(new InferenceBusyException(InferenceBusyReason.QueueFull, RetryAfter));
            }
            item.Node = queue.AddLast(item);
            Monitor.Pulse(gate);
        }
        item.Watch(priority == InferencePriority.Interactive ? TimeSpan.FromSeconds(settings.QueueTimeoutSeconds) : null);
        return item.Task;
    }

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(settings.RetryAfterSeconds);

    /// <summary>Takes a queued item out (cancelled or expired); false when a worker already took it.</summary>
    private bool TryRemove(WorkItem item)
    {
        lock (gate)
        {
            if (item.Node?.List is not { } list)
                return false;
            list.Remove(item.Node);
            item.Node = null;
            return true;
        }
    }

    private void Expired(WorkItem item)
    {
        if (!TryRemove(item))
            return;
        LogRefused(logger, InferenceBusyReason.DeadlinePassed, QueuedInteractive);
        item.Refuse(new InferenceBusyException(InferenceBusyReason.DeadlinePassed, RetryAfter));
    }

    private void Work()
    {
        while (true)
        {
            WorkItem item;
            lock (gate)
            {
                WorkItem? next;
                while ((next = Take()) is null)
                {
                    if (stopped)
                        return;
                    Monitor.Wait(gate);
                }
                item = next;
                running++;
            }
            item.Execute();
            lock (gate)
            {
                running--;
                if (item.Priority == InferencePriority.Background)
                    runningBackground--;
                // A background item held back by the background limit may now go.
                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>Under the lock: the next item to run, interactive first.</summary>
    private WorkItem? Take()
    {
        var node = interactive.First;
        if (node is null && runningBackground < BackgroundWorkers && background.First is { } waiting)
        {
            node = waiting;
            runningBackground++;
        }
        if (node is null)
            return null;
        node.List!.Remove(node);
        node.Value.Node = null;
        return node.Value;
    }

    public void Dispose()
    {
        List<WorkItem> left;
        lock (gate)
        {
            if (stopped)
                return;
            stopped = true;
            left = [.. interactive, .. background];
            interactive.Clear();
            background.Clear();
            Monitor.PulseAll(gate);
        }
        foreach (var item in left)
            item.Refuse(new ObjectDisposedException(nameof(InferenceScheduler)));
        foreach (var thread in threads)
            thread.Join(TimeSpan.FromSeconds(5));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inference request refused ({Reason}); {Queued} interactive requests waiting")]
    private static partial void LogRefused(ILogger logger, InferenceBusyReason reason, int queued);
}
