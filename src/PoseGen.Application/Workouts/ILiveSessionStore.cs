namespace PoseGen.Application.Workouts;

/// <summary>What the store says about a session an instance holds.</summary>
public enum LiveSessionClaim
{
    /// <summary>This instance owns it: the write was made.</summary>
    Owned,

    /// <summary>
    /// Another instance took it over, or it has ended: this instance's copy is stale and must not be saved.
    /// </summary>
    Moved,

    /// <summary>
    /// The store has no record (it expired or the store lost it): the copy in memory is the only one.
    /// </summary>
    Missing,

    /// <summary>The store did not answer; nothing is known.</summary>
    Unavailable,

    /// <summary>Start only: the user already runs the most sessions allowed.</summary>
    UserFull,
}

/// <summary>
/// Where live sessions are kept so that another instance can take one over. A session is a deterministic fold over its
/// start and its accepted frames (<see cref="LiveWorkoutSession.Replay"/>), so the store keeps exactly those: the start
/// once, the frames appended in the batches they were accepted in. Every write names the owning instance and is refused
/// once another has taken the session over, so a stale instance cannot add frames or save the session a second time.
/// </summary>
public interface ILiveSessionStore
{
    /// <summary>False when sessions live in this process only (one instance): nothing can move, and the per-user limit
    /// is counted in memory.</summary>
    bool IsShared { get; }

    /// <summary>
    /// Records a new session unless the user already runs <paramref name="maxPerUser"/> (counted across instances).
    /// </summary>
    Task<LiveSessionClaim> CreateAsync(LiveSessionStart start, string owner, int maxPerUser, TimeSpan expiry);

    /// <summary>Extends the record's expiry while <paramref name="owner"/> still owns it.</summary>
    Task<LiveSessionClaim> TouchAsync(LiveSessionStart start, string owner, TimeSpan expiry);

    /// <summary>
    /// Appends one batch of accepted frames (<see cref="LiveFrameBatch"/>) while <paramref name="owner"/> owns the
    /// session.
    /// </summary>
    Task<LiveSessionClaim> AppendAsync(LiveSessionStart start, string owner, byte[] batch, TimeSpan expiry);

    /// <summary>Makes <paramref name="owner"/> the owner and answers the record; null when there is no running session
    /// <paramref name="id"/> of <paramref name="userId"/> (unknown, ended and another user's answer the
    /// same).</summary>
    Task<LiveSessionRecord?> TakeOverAsync(Guid id, string userId, string owner, TimeSpan expiry);

    /// <summary>Marks the session ended, if <paramref name="owner"/> owns it; only the instance that gets
    /// <see cref="LiveSessionClaim.Owned"/> (or <see cref="LiveSessionClaim.Missing"/>) saves it to History. The ended
    /// mark outlives any stale copy (<paramref name="expiry"/>), so a stale copy never sees the session as
    /// missing.</summary>
    Task<LiveSessionClaim> EndAsync(LiveSessionStart start, string owner, TimeSpan expiry);

    /// <summary>
    /// Running sessions whose record expires within <paramref name="within"/>: their owner would have ended them well
    /// before (<see cref="LiveWorkoutSessions.StoreMargin"/>), so it is gone (its instance stopped or died) and nobody
    /// else will save them. Only the session and its user are answered; <see cref="TakeOverAsync"/> gets the rest.
    /// </summary>
    Task<IReadOnlyList<(Guid Id, string UserId)>> AbandonedAsync(TimeSpan within);
}

/// <summary>One instance: the sessions in <see cref="LiveWorkoutSessions"/>' memory are the only copy, and every write
/// is this process's own.</summary>
public sealed class InProcessLiveSessionStore : ILiveSessionStore
{
    public bool IsShared => false;

    public Task<LiveSessionClaim> CreateAsync(LiveSessionStart start, string owner, int maxPerUser, TimeSpan expiry) =>
        Task.FromResult(LiveSessionClaim.Owned);

    public Task<LiveSessionClaim> TouchAsync(LiveSessionStart start, string owner, TimeSpan expiry) =>
        Task.FromResult(LiveSessionClaim.Owned);

    public Task<LiveSessionClaim> AppendAsync(LiveSessionStart start, string owner, byte[] batch, TimeSpan expiry) =>
        Task.FromResult(LiveSessionClaim.Owned);

    public Task<LiveSessionRecord?> TakeOverAsync(Guid id, string userId, string owner, TimeSpan expiry) =>
        Task.FromResult<LiveSessionRecord?>(null);

    public Task<LiveSessionClaim> EndAsync(LiveSessionStart start, string owner, TimeSpan expiry) =>
        Task.FromResult(LiveSessionClaim.Owned);

    /// <summary>One instance: a session it lost with its process is nowhere else.</summary>
    public Task<IReadOnlyList<(Guid Id, string UserId)>> AbandonedAsync(TimeSpan within) =>
        Task.FromResult<IReadOnlyList<(Guid Id, string UserId)>>([]);
}
