using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.Workouts;

public sealed class WorkoutJobQueueTests
{
    [Fact]
    public async Task RefusesUploadsOnceFullAndTakesThemAgainWhenTheWorkerCatchesUp()
    {
        var queue = new WorkoutJobQueue(capacity: 2);
        Assert.True(queue.TryEnqueue(Guid.NewGuid()));
        Assert.True(queue.TryEnqueue(Guid.NewGuid()));
        Assert.False(queue.TryEnqueue(Guid.NewGuid()));

        using var cancel = new CancellationTokenSource();
        var reader = queue.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await reader.MoveNextAsync());
        Assert.True(queue.TryEnqueue(Guid.NewGuid()));
    }

    [Fact]
    public async Task EveryJobPendingAtStartUpIsQueuedAgainNotOnlyAsManyAsFitForUploads()
    {
        // Only 32 pending jobs fitted back at start-up; the rest stayed "queued" for ever.
        var queue = new WorkoutJobQueue();
        var pending = Enumerable.Range(0, WorkoutJobQueue.Capacity + 8).Select(_ => Guid.NewGuid()).ToList();
        Assert.All(pending, id => Assert.True(queue.TryEnqueue(id, force: true)));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = new List<Guid>();
        await foreach (var id in queue.ReadAllAsync(cancel.Token))
        {
            read.Add(id);
            if (read.Count == pending.Count) break;
        }
        Assert.Equal(pending, read);
        // Once the worker has taken them, uploads are welcome again.
        Assert.True(queue.TryEnqueue(Guid.NewGuid()));
    }
}
