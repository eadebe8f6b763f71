using System.Collections.Concurrent;
using System.Globalization;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Core.Errors;

namespace PoseGen.Application.Workouts;

/// <summary>
/// The live sessions of the process, by session id. A session outlives its connection for <see cref="GracePeriod"/>, so
/// a browser that reconnects (same session id, kept client-side) carries on with its count; after that, or when the
/// user stops, the session is saved to History once and forgotten.
/// </summary>
/// <remarks>
/// Several instances: the store (<see cref="ILiveSessionStore"/>, Redis) keeps each session's start and accepted
/// frames, owned by the instance that holds it. A reconnect that lands on another instance takes the session over
/// there: that instance replays the frames into the same counter and becomes the owner, and the first instance's copy,
/// refused by the store from then on, is dropped unsaved. Whichever instance owns the session when it ends saves it;
/// the store lets exactly one do so. <see cref="MaxPerUser"/> is counted across instances through the store;
/// <see cref="MaxTotal"/>
/// bounds one instance's memory and is per instance; <see cref="LiveWorkoutSession.MaxDurationS"/> and the timeline's
/// bounds travel with the frames.
/// </remarks>
public sealed class LiveWorkoutSessions(TimeProvider time, ILiveSessionStore store)
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(2);

    /// <summary>A connected session with no frames for this long is over too (a tab left open).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    /// <summary>How much longer than those limits the store keeps a record: time for the owner's sweeper (every 10 s)
    /// to end the session and save it while the record still names its owner. A record outlives its limits by more
    /// than half of this only when the owning instance is gone; another instance then saves it
    /// (<see cref="RescueAbandonedAsync"/>). A single instance that stops loses its running sessions.</summary>
    public static readonly TimeSpan StoreMargin = TimeSpan.FromMinutes(1);

    /// <summary>A record this close to expiring, not ended, has no living owner: its owner ends a session at the latest
    /// a sweep (10 s) after its limit, a full <see cref="StoreMargin"/> before the record expires. Half the margin
    /// leaves three sweeps to rescue it. Design choice, not fitted.</summary>
    private static readonly TimeSpan AbandonedWithin = StoreMargin / 2;

    /// <summary>Frames kept in the store per session: the one-hour limit at a camera's usual 30 fps, about 24 MB
    /// (<see cref="LiveFrameBatch.FrameBytes"/> each). A session sent more (a 60 fps camera after half an hour, or a
    /// script) carries on counting where it is but can no longer move to another instance.</summary>
    public const int MaxStoredFrames = 30 * 3600;

    /// <summary>Frames accepted per call: 10 s at 30 fps, far above what a page batches.</summary>
    public const int MaxBatch = 300;

    /// <summary>Running sessions per user: a phone and a laptop, plus one tab left open.</summary>
    public const int MaxPerUser = 3;

    /// <summary>Running sessions in the process. Each holds a counter and a timeline in memory (about 3 MB at the
    /// one-hour limit), so this bounds the live coach to well under a gigabyte however many people or scripts
    /// connect.</summary>
    public const int MaxTotal = 200;

    // Retry-After guesses, not measurements: a closed tab's session is let go once its connection drops (seconds), and
    // a full coach frees a place when someone's workout ends (minutes).
    private static readonly TimeSpan OwnSessionsRetryAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FullRetryAfter = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan ConnectedExpiry = IdleLimit + StoreMargin;
    private static readonly TimeSpan DetachedExpiry = GracePeriod + StoreMargin;

    private readonly Lock _starting = new();

    private readonly ConcurrentDictionary<Guid, LiveWorkoutSession> _sessions = new();

    /// <summary>This process as an owner in the store.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>Exercises a live session can count: every rep exercise and the plank; holding a library pose is
    /// <see cref="PracticeExercise"/>, started with the pose (<see cref="StartAsync"/>'s reference).</summary>
    public static IEnumerable<ExerciseDefinition> LiveExercises =>
        ExerciseCatalog.Default.Exercises.Where(e => e.Kind == ExerciseKind.Reps || e.Id == "plank");

    /// <summary>The catalog's exercise for holding a reference pose (its check is the match with the pose).</summary>
    public const string PracticeExercise = "hold";

    public async Task<LiveWorkoutSession> StartAsync(string userId, string connectionId, string? exerciseId,
        string? model, PoseReference? reference = null)
    {
        if (reference is not null)
            exerciseId = PracticeExercise;
        var auto = string.Equals(exerciseId, LiveWorkoutSession.Auto, StringComparison.OrdinalIgnoreCase);
        var exercise = reference is not null
            ? ExerciseCatalog.Default.Get(PracticeExercise)
            : LiveExercises.FirstOrDefault(e => string.Equals(e.Id, exerciseId, StringComparison.OrdinalIgnoreCase));
        if (exercise is null && !auto)
            throw new InvalidInputException("Exercise must be auto (recognised after a few reps) or one of: "
                + string.Join(", ", LiveExercises.Select(e => e.Id)) + ".");
        if (model is not ("lightning" or "thunder"))
            throw new InvalidInputException("Model must be lightning or thunder.");
        var session = new LiveWorkoutSession(Guid.NewGuid(), userId, exercise, model, time.GetUtcNow(),
            reference) { ConnectionId = connectionId };
        var created = await store.CreateAsync(session.Start, _instance, MaxPerUser, ConnectedExpiry);
        if (created == LiveSessionClaim.UserFull)
            throw UserFull();
        session.Sharing = store.IsShared && created == LiveSessionClaim.Owned ? LiveSessionSharing.Shared
            : LiveSessionSharing.Local;
        BusyException? refused = null;
        lock (_starting)
        {
            // Counted here when the store does not count it (one instance, or the store did not answer).
            if (session.Sharing == LiveSessionSharing.Local && _sessions.Values.Count(s => s.UserId == userId
                && !s.Ended) >= MaxPerUser)
                refused = UserFull();
            else if (_sessions.Count >= MaxTotal)
                refused = new BusyException("The live coach is full right now; try again in a few minutes.",
                    FullRetryAfter);
            else
                _sessions[session.Id] = session;
        }
        if (refused is null)
            return session;
        if (session.Sharing == LiveSessionSharing.Shared)
            await store.EndAsync(session.Start, _instance, DetachedExpiry);
        throw refused;
    }

    private static BusyException UserFull() => new(
        $"You already have {MaxPerUser} live sessions running; stop one (or close its tab) before starting another.",
        OwnSessionsRetryAfter, BusyScope.User);

    /// <summary>
    /// The user's running session, attached to <paramref name="connectionId"/>; null when unknown, ended or another
    /// user's. A session this process does not hold (or holds a stale copy of) is taken over from the store.
    /// </summary>
    public async Task<LiveWorkoutSession?> AttachAsync(string userId, Guid id, string connectionId)
    {
        if (_sessions.TryGetValue(id, out var held))
        {
            if (held.UserId != userId)
                return null;
            // The connection that holds the session needs no check here: its next append is refused if the session
            // moved.
            var claim = held.Sharing == LiveSessionSharing.Shared && held.ConnectionId != connectionId
                ? await store.TouchAsync(held.Start, _instance, ConnectedExpiry)
                : LiveSessionClaim.Owned;
            if (claim == LiveSessionClaim.Missing)
                held.Sharing = LiveSessionSharing.Local;
            if (claim != LiveSessionClaim.Moved)
                return Attached(held, connectionId);
            Drop(held);
        }
        if (!store.IsShared)
            return null;
        if (_sessions.Count >= MaxTotal)
            throw new BusyException("The live coach is full right now; try again in a few minutes.", FullRetryAfter);
        if (await store.TakeOverAsync(id, userId, _instance, ConnectedExpiry) is not { } record)
            return null;
        var taken = LiveWorkoutSession.Replay(record, time.GetUtcNow());
        taken.Sharing = LiveSessionSharing.Shared;
        // Two connections of one browser can take the same session over at once: both replayed the same record.
        return Attached(_sessions.GetOrAdd(id, taken), connectionId);
    }

    private LiveWorkoutSession? Attached(LiveWorkoutSession session, string connectionId)
    {
        lock (session.Gate)
        {
            if (session.Ended) return null;
            session.ConnectionId = connectionId;
            session.LastSeen = time.GetUtcNow();
            return session;
        }
    }

    /// <summary>Forgets a copy that another instance owns now, without saving it.</summary>
    private void Drop(LiveWorkoutSession session)
    {
        lock (session.Gate)
            session.Ended = true;
        _sessions.TryRemove(new KeyValuePair<Guid, LiveWorkoutSession>(session.Id, session));
    }

    /// <summary>Folds the frames in and stores the accepted ones; answers the state the page shows.</summary>
    /// <exception cref="NotFoundException">The session has ended, or another instance has taken it over
    /// meanwhile.</exception>
    /// <exception cref="InvalidInputException">A frame past the one-hour limit (the frames before it still
    /// count).</exception>
    public async Task<LiveWorkoutState> AddAsync(LiveWorkoutSession session, IReadOnlyList<LiveFrame> frames)
    {
        await session.Writing.WaitAsync();
        try
        {
            (IReadOnlyList<LiveFrame> Accepted, bool OverLimit) added;
            lock (session.Gate)
            {
                if (session.Ended) throw Ended();
                added = session.Accept(frames);
            }
            if (session.Sharing == LiveSessionSharing.Shared && added.Accepted.Count > 0)
                await StoreAsync(session, added.Accepted);
            // A record that lacks frames would replay to a lower count: it goes, and the session stays here.
            if (session.Sharing == LiveSessionSharing.Withdrawing
                && await store.EndAsync(session.Start, _instance, ConnectedExpiry) != LiveSessionClaim.Unavailable)
                session.Sharing = LiveSessionSharing.Local;
            if (added.OverLimit)
                throw LiveWorkoutSession.OverLimitError();
            lock (session.Gate)
                return session.State();
        }
        finally
        {
            session.Writing.Release();
        }
    }

    private async Task StoreAsync(LiveWorkoutSession session, IReadOnlyList<LiveFrame> accepted)
    {
        if (session.StoredFrames + accepted.Count > MaxStoredFrames)
        {
            session.Sharing = LiveSessionSharing.Withdrawing;
            return;
        }
        switch (await store.AppendAsync(session.Start, _instance, LiveFrameBatch.Encode(accepted), ConnectedExpiry))
        {
            case LiveSessionClaim.Owned:
                session.StoredFrames += accepted.Count;
                break;
            case LiveSessionClaim.Moved:
                Drop(session);
                throw Ended();
            case LiveSessionClaim.Missing:
                session.Sharing = LiveSessionSharing.Local;
                break;
            default:
                session.Sharing = LiveSessionSharing.Withdrawing;
                break;
        }
    }

    private static NotFoundException Ended() => new("This session has ended; start a new one.");

    public async Task DetachAsync(string connectionId)
    {
        foreach (var session in _sessions.Values)
        {
            lock (session.Gate)
            {
                if (session.ConnectionId != connectionId) continue;
                session.ConnectionId = null;
                session.LastSeen = time.GetUtcNow();
            }
            // From now on the grace period applies, in the store too.
            if (session.Sharing == LiveSessionSharing.Shared
                && await store.TouchAsync(session.Start, _instance, DetachedExpiry) == LiveSessionClaim.Moved)
                Drop(session);
        }
    }

    /// <summary>Marks the session ended and removes it; the caller saves what it returns (null when already ended, when
    /// nobody was seen, or when another instance owns the session and so saves it).</summary>
    public async Task<LiveWorkoutDocument?> EndAsync(LiveWorkoutSession session)
    {
        LiveWorkoutDocument? document;
        lock (session.Gate)
        {
            if (session.Ended) return null;
            session.Ended = true;
            _sessions.TryRemove(session.Id, out _);
            document = session.DocumentToKeep();
        }
        // The ended mark lasts as long as any stale copy elsewhere can (connected, idle limit), so none saves it again.
        // A store that does not answer cannot say who owns the session; saving it is better than losing it.
        if (session.Sharing != LiveSessionSharing.Local
            && await store.EndAsync(session.Start, _instance, ConnectedExpiry) == LiveSessionClaim.Moved)
            return null;
        return document;
    }

    /// <summary>
    /// Takes over, ends and answers the sessions whose owning instance is gone while their browser did not come back
    /// (another instance's process died mid-workout and the phone was put away): the caller saves each to its user's
    /// History. Two instances rescuing at once cannot both save one: the store lets only the last owner end it.
    /// <paramref name="within"/>: how close to expiring a record must be to count as abandoned (by default half the
    /// store margin; a test passes more to stand for the time that has to pass).
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string UserId, LiveWorkoutDocument Document)>> RescueAbandonedAsync(
        TimeSpan? within = null)
    {
        if (!store.IsShared)
            return [];
        var rescued = new List<(Guid, string, LiveWorkoutDocument)>();
        foreach (var (id, userId) in await store.AbandonedAsync(within ?? AbandonedWithin))
        {
            // A session held here is this instance's own to end (Expired).
            if (_sessions.ContainsKey(id)
                || await store.TakeOverAsync(id, userId, _instance, DetachedExpiry) is not { } record)
                continue;
            var session = LiveWorkoutSession.Replay(record, time.GetUtcNow());
            if (await store.EndAsync(session.Start, _instance, ConnectedExpiry) == LiveSessionClaim.Owned
                && session.DocumentToKeep() is { } document)
                rescued.Add((id, userId, document));
        }
        return rescued;
    }

    /// <summary>Sessions whose connection is gone for longer than the grace period, or idle too long.</summary>
    public IReadOnlyList<LiveWorkoutSession> Expired()
    {
        var now = time.GetUtcNow();
        return [.. _sessions.Values.Where(s => now - s.LastSeen > (s.ConnectionId is null ? GracePeriod : IdleLimit))];
    }
}
