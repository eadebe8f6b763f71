using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PoseGen.Core.Abstractions;
using PoseGen.Inference.Scheduling;

namespace PoseGen.Inference.Tests.Scheduling;

/// <summary>
/// The scheduler on plain work items held by gates: nothing here waits on a clock. A "gated" item signals when it
/// starts and then blocks its worker until the test opens its gate, so the test decides what is running and what is
/// waiting.
/// </summary>
public sealed class InferenceSchedulerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly List<InferenceScheduler> _schedulers = [];

    private InferenceScheduler Scheduler(int workers, int queueLength = 8, double timeoutSeconds = 30,
        int retryAfterSeconds = 3)
    {
        var scheduler = new InferenceScheduler(Options.Create(new InferenceSchedulerOptions
        {
            Workers = workers, QueueLength = queueLength, QueueTimeoutSeconds = timeoutSeconds,
            RetryAfterSeconds = retryAfterSeconds,
        }), _time, NullLogger<InferenceScheduler>.Instance);
        _schedulers.Add(scheduler);
        return scheduler;
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _open = new();

        public Task Started => _started.Task;

        public string Hold(string name)
        {
            _started.TrySetResult();
            _open.Wait(TimeSpan.FromMinutes(1));
            return name;
        }

        public void Open() => _open.Set();
    }

    [Fact]
    public async Task RefusesWithRetryAfterWhenTheQueueIsFull()
    {
        var scheduler = Scheduler(workers: 1, queueLength: 1, retryAfterSeconds: 7);
        var gate = new Gate();
        var running = scheduler.RunAsync(InferencePriority.Interactive, _ => gate.Hold("running"),
            CancellationToken.None);
        await gate.Started;
        var waiting = scheduler.RunAsync(InferencePriority.Interactive, _ => "waiting", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InferenceBusyException>(
            () => scheduler.RunAsync(InferencePriority.Interactive, _ => "refused", CancellationToken.None));

        Assert.Equal(InferenceBusyReason.QueueFull, refused.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.RetryAfter);
        gate.Open();
        Assert.Equal("running", await running);
        Assert.Equal("waiting", await waiting);
    }

    [Fact]
    public async Task RefusesAWaitingRequestWhenItsDeadlinePassesAndNeverRunsIt()
    {
        var scheduler = Scheduler(workers: 1, timeoutSeconds: 5);
        var gate = new Gate();
        var running = scheduler.RunAsync(InferencePriority.Interactive, _ => gate.Hold("running"),
            CancellationToken.None);
        await gate.Started;
        var ran = false;
        var waiting = scheduler.RunAsync(InferencePriority.Interactive, _ => ran = true, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        var refused = await Assert.ThrowsAsync<InferenceBusyException>(() => waiting);
        Assert.Equal(InferenceBusyReason.DeadlinePassed, refused.Reason);
        Assert.Equal(0, scheduler.QueuedInteractive);
        gate.Open();
        await running;
        // The worker takes items in order: had the expired one stayed queued, it would have run before this one.
        await scheduler.RunAsync(InferencePriority.Interactive, _ => 0, CancellationToken.None);
        Assert.False(ran);
    }

    [Fact]
    public async Task DropsAWaitingRequestWhoseCallerWentAwayBeforeItRuns()
    {
        var scheduler = Scheduler(workers: 1);
        var gate = new Gate();
        var running = scheduler.RunAsync(InferencePriority.Interactive, _ => gate.Hold("running"),
            CancellationToken.None);
        await gate.Started;
        using var client = new CancellationTokenSource();
        var ran = false;
        var abandoned = scheduler.RunAsync(InferencePriority.Interactive, _ => ran = true, client.Token);
        Assert.Equal(1, scheduler.QueuedInteractive);

        // Cancel runs the token's callbacks on this thread: the request has left the queue when it returns.
        client.Cancel();

        Assert.True(abandoned.IsCanceled);
        Assert.Equal(0, scheduler.QueuedInteractive);
        gate.Open();
        await running;
        await scheduler.RunAsync(InferencePriority.Interactive, _ => 0, CancellationToken.None);
        Assert.False(ran);
    }

    [Fact]
    public async Task InteractiveWorkRunsBeforeBackgroundWorkThatWaitedLonger()
    {
        var scheduler = Scheduler(workers: 1);
        var gate = new Gate();
        var order = new ConcurrentQueue<string>();
        var running = scheduler.RunAsync(InferencePriority.Background, _ => gate.Hold("video frame 1"),
            CancellationToken.None);
        await gate.Started;
        var frames = Enumerable.Range(2, 3).Select(i => scheduler.RunAsync(InferencePriority.Background, _ =>
        {
            order.Enqueue($"video frame {i}");
            return i;
        }, CancellationToken.None)).ToList();
        var photo = scheduler.RunAsync(InferencePriority.Interactive, _ =>
        {
            order.Enqueue("photo");
            return 0;
        }, CancellationToken.None);

        gate.Open();
        await Task.WhenAll([running, photo, .. frames]);

        Assert.Equal(["photo", "video frame 2", "video frame 3", "video frame 4"], order);
    }

    [Fact]
    public async Task BackgroundWorkLeavesOneWorkerFreeForInteractiveWork()
    {
        var scheduler = Scheduler(workers: 2);
        var gate = new Gate();
        var first = scheduler.RunAsync(InferencePriority.Background, _ => gate.Hold("video frame 1"),
            CancellationToken.None);
        await gate.Started;
        var second = scheduler.RunAsync(InferencePriority.Background, _ => "video frame 2", CancellationToken.None);

        // The video still holds a worker and has a frame waiting, yet the photo is answered.
        Assert.Equal("photo", await scheduler.RunAsync(InferencePriority.Interactive, _ => "photo",
            CancellationToken.None));
        Assert.Equal(1, scheduler.QueuedBackground);
        Assert.False(second.IsCompleted);

        gate.Open();
        Assert.Equal("video frame 1", await first);
        Assert.Equal("video frame 2", await second);
    }

    [Fact]
    public async Task NeverRunsMoreWorkAtOnceThanItHasWorkers()
    {
        var scheduler = Scheduler(workers: 2, queueLength: 10);
        var gates = Enumerable.Range(0, 6).Select(_ => new Gate()).ToList();
        int current = 0, most = 0;
        var work = gates.Select(gate => scheduler.RunAsync(InferencePriority.Interactive, _ =>
        {
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref most, now);
            gate.Hold("");
            return Interlocked.Decrement(ref current);
        }, CancellationToken.None)).ToList();

        await Task.WhenAll(gates.Take(2).Select(g => g.Started));
        Assert.Equal(2, scheduler.Running);
        Assert.Equal(4, scheduler.QueuedInteractive);
        Assert.All(gates.Skip(2), g => Assert.False(g.Started.IsCompleted));

        foreach (var gate in gates)
            gate.Open();
        await Task.WhenAll(work);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task AFailingRunFailsOnlyItsOwnRequest()
    {
        var scheduler = Scheduler(workers: 1);
        var failing = scheduler.RunAsync<int>(InferencePriority.Interactive,
            _ => throw new InvalidOperationException("model broke"), CancellationToken.None);

        Assert.Equal("model broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal(42, await scheduler.RunAsync(InferencePriority.Interactive, _ => 42, CancellationToken.None));
    }

    [Fact]
    public void WorkersDefaultToOnePerCore() =>
        Assert.Equal(Environment.ProcessorCount, new InferenceSchedulerOptions().EffectiveWorkers);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen)
            != seen)
        {
        }
    }

    public void Dispose()
    {
        foreach (var scheduler in _schedulers)
            scheduler.Dispose();
    }
}
