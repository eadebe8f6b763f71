using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Ids of video analyses waiting for the worker. New uploads are refused (503) once <see cref="Capacity"/> wait, rather
/// than piling up decoded work; jobs found pending at start-up are all queued again, however many there are (they were
/// accepted once). The jobs themselves are History rows, so the queue holds ids only.
/// </summary>
public sealed class WorkoutJobQueue
{
    public const int Capacity = 32;

    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity;
    private int _waiting;

    public WorkoutJobQueue() : this(Capacity)
    {
    }

    /// <param name="capacity">Uploads that may wait at once (tests use a small queue to see it full).</param>
    public WorkoutJobQueue(int capacity) => _capacity = capacity;

    /// <summary>False when <see cref="Capacity"/> jobs already wait; <paramref name="force"/> (start-up re-queue) ignores it.</summary>
    public bool TryEnqueue(Guid id, bool force = false)
    {
        if (Interlocked.Increment(ref _waiting) > _capacity && !force)
        {
            Interlocked.Decrement(ref _waiting);
            return false;
        }
        _channel.Writer.TryWrite(id);
        return true;
    }

    public async IAsyncEnumerable<Guid> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in _channel.Reader.ReadAllAsync(ct))
        {
            Interlocked.Decrement(ref _waiting);
            yield return id;
        }
    }
}
