using System.Threading.Channels;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Ids of video analyses waiting for the worker. Bounded so a burst of uploads is refused (503) rather than piling up
/// decoded work; the jobs themselves are History rows, so the queue holds ids only.
/// </summary>
public sealed class WorkoutJobQueue
{
    public const int Capacity = 32;

    private readonly Channel<Guid> channel;

    public WorkoutJobQueue() : this(Capacity)
    {
    }

    /// <param name="capacity">Jobs that may wait at once (tests use a small queue to see it full).</param>
    public WorkoutJobQueue(int capacity) =>
        channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(Guid id) => channel.Writer.TryWrite(id);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
