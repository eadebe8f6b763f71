using System.Threading.Channels;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Ids of video analyses waiting for the worker. Bounded so a burst of uploads is refused (503) rather than piling up
/// decoded work; the jobs themselves are History rows, so the queue holds ids only.
/// </summary>
public sealed class WorkoutJobQueue
{
    public const int Capacity = 32;

    private readonly Channel<Guid> channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool TryEnqueue(Guid id) => channel.Writer.TryWrite(id);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
