using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;

namespace PoseGen.Inference.Scheduling;

/// <summary>
/// Every model run of the process goes through here: a fixed set of dedicated worker threads (not the request thread
/// pool) takes work from two queues, interactive first. Interactive work waits in a bounded queue with a deadline and
/// is refused with <see cref="InferenceBusyException"/> when the queue is full or the deadline passes; work whose
/// caller cancelled (the client went away) leaves the queue at once and never runs. Background work has no deadline and
/// never takes the last free worker, so a photo arriving during a video analysis waits for at most the frames in
/// flight.
/// </summary>
public sealed partial class InferenceScheduler : IInferenceScheduler, IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<WorkItem> _interactive = new();
    private readonly LinkedList<WorkItem> _background = new();
    private readonly Thread[] _threads;
    private readonly InferenceSchedulerOptions _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<InferenceScheduler> _logger;
    private int _running;
    private int _runningBackground;
    private bool _stopped;

    public InferenceScheduler(IOptions<InferenceSchedulerOptions> options, TimeProvider time,
        ILogger<InferenceScheduler> logger)
    {
        _settings = options.Value;
        _time = time;
        _logger = logger;
        Workers = _settings.EffectiveWorkers;
        _threads = new Thread[Workers];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"inference-{i}" };
            _threads[i].Start();
        }
    }

    public int Workers { get; }

    /// <summary>Background work may use all workers but one (all of them when there is only one).</summary>
    private int BackgroundWorkers => Math.Max(1, Workers - 1);

    /// <summary>Interactive requests waiting for a worker now.</summary>
    public int QueuedInteractive
    {
        get { lock (_gate) return _interactive.Count; }
    }

    /// <summary>Background requests waiting for a worker now.</summary>
    public int QueuedBackground
    {
        get { lock (_gate) return _background.Count; }
    }

    /// <summary>Work running on a worker now.</summary>
    public int Running
    {
        get { lock (_gate) return _running; }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a worker. Throws <see cref="InferenceBusyException"/> when an interactive
    /// request finds the queue full or waits past its deadline, and <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires first (the work then never starts). The token is passed to the work.
    /// </summary>
    public Task<T> RunAsync<T>(InferencePriority priority, Func<CancellationToken, T> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        var item = new WorkItem<T>(this, priority, work, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            var queue = priority == InferencePriority.Interactive ? _interactive : _background;
            // Requests a free worker is about to take do not count as waiting.
            var idle = Math.Max(0, Workers - _running - _interactive.Count - _background.Count);
            if (priority == InferencePriority.Interactive && _interactive.Count >= _settings.QueueLength + idle)
            {
                LogRefused(_logger, InferenceBusyReason.QueueFull, _interactive.Count);
                return Task.FromException<T>(new InferenceBusyException(InferenceBusyReason.QueueFull, RetryAfter));
            }
            item.Node = queue.AddLast(item);
            Monitor.Pulse(_gate);
        }
        item.Watch(priority == InferencePriority.Interactive ? TimeSpan.FromSeconds(_settings.QueueTimeoutSeconds)
            : null);
        return item.Task;
    }

    private TimeSpan RetryAfter => TimeSpan.FromSeconds(_settings.RetryAfterSeconds);

    /// <summary>Takes a queued item out (cancelled or expired); false when a worker already took it.</summary>
    private bool TryRemove(WorkItem item)
    {
        lock (_gate)
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
        LogRefused(_logger, InferenceBusyReason.DeadlinePassed, QueuedInteractive);
        item.Refuse(new InferenceBusyException(InferenceBusyReason.DeadlinePassed, RetryAfter));
    }

    private void Work()
    {
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                WorkItem? next;
                while ((next = Take()) is null)
                {
                    if (_stopped)
                        return;
                    Monitor.Wait(_gate);
                }
                item = next;
                _running++;
            }
            item.Execute();
            lock (_gate)
            {
                _running--;
                if (item.Priority == InferencePriority.Background)
                    _runningBackground--;
                // A background item held back by the background limit may now go.
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Under the lock: the next item to run, interactive first.</summary>
    private WorkItem? Take()
    {
        var node = _interactive.First;
        if (node is null && _runningBackground < BackgroundWorkers && _background.First is { } waiting)
        {
            node = waiting;
            _runningBackground++;
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
        lock (_gate)
        {
            if (_stopped)
                return;
            _stopped = true;
            left = [.. _interactive, .. _background];
            _interactive.Clear();
            _background.Clear();
            Monitor.PulseAll(_gate);
        }
        foreach (var item in left)
            item.Refuse(new ObjectDisposedException(nameof(InferenceScheduler)));
        foreach (var thread in _threads)
            thread.Join(TimeSpan.FromSeconds(5));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Inference request refused ({Reason}); {Queued} interactive requests waiting")]
    private static partial void LogRefused(ILogger logger, InferenceBusyReason reason, int queued);
}
