using System.Collections.Concurrent;
using System.Globalization;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// The live sessions of the process, by session id. A session outlives its connection for <see cref="GracePeriod"/>, so
/// a browser that reconnects (same session id, kept client-side) carries on with its count; after that, or when the
/// user stops, the session is saved to History once and forgotten.
/// </summary>
public sealed class LiveWorkoutSessions(TimeProvider time)
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(2);

    /// <summary>A connected session with no frames for this long is over too (a tab left open).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    /// <summary>Frames accepted per call: 10 s at 30 fps, far above what a page batches.</summary>
    public const int MaxBatch = 300;

    /// <summary>Running sessions per user: a phone and a laptop, plus one tab left open.</summary>
    public const int MaxPerUser = 3;

    /// <summary>Running sessions in the process. Each holds a counter and a timeline in memory (about 3 MB at the one-hour
    /// limit), so this bounds the live coach to well under a gigabyte however many people or scripts connect.</summary>
    public const int MaxTotal = 200;

    // Retry-After guesses, not measurements: a closed tab's session is let go once its connection drops (seconds), and a
    // full coach frees a place when someone's workout ends (minutes).
    private static readonly TimeSpan OwnSessionsRetryAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FullRetryAfter = TimeSpan.FromMinutes(2);

    private readonly Lock _starting = new();

    private readonly ConcurrentDictionary<Guid, LiveWorkoutSession> _sessions = new();

    /// <summary>Exercises a live session can count: every rep exercise and the plank; holding a library pose is
    /// <see cref="PracticeExercise"/>, started with the pose (<see cref="Start"/>'s reference).</summary>
    public static IEnumerable<ExerciseDefinition> LiveExercises =>
        ExerciseCatalog.Default.Exercises.Where(e => e.Kind == ExerciseKind.Reps || e.Id == "plank");

    /// <summary>The catalog's exercise for holding a reference pose (its check is the match with the pose).</summary>
    public const string PracticeExercise = "hold";

    public LiveWorkoutSession Start(string userId, string connectionId, string? exerciseId, string? model, PoseReference? reference = null)
    {
        if (reference is not null)
            exerciseId = PracticeExercise;
        var auto = string.Equals(exerciseId, LiveWorkoutSession.Auto, StringComparison.OrdinalIgnoreCase);
        var exercise = reference is not null
            ? ExerciseCatalog.Default.Get(PracticeExercise)
            : LiveExercises.FirstOrDefault(e => string.Equals(e.Id, exerciseId, StringComparison.OrdinalIgnoreCase));
        if (exercise is null && !auto)
            throw new InvalidInputException("Exercise must be auto (recognised after a few reps) or one of: " + string.Join(", ", LiveExercises.Select(e => e.Id)) + ".");
        if (model is not ("lightning" or "thunder"))
            throw new InvalidInputException("Model must be lightning or thunder.");
        var session = new LiveWorkoutSession(Guid.NewGuid(), userId, exercise, model, time.GetUtcNow(), reference) { ConnectionId = connectionId };
        lock (_starting)
        {
            if (_sessions.Values.Count(s => s.UserId == userId && !s.Ended) >= MaxPerUser)
                throw new BusyException(
                    $"You already have {MaxPerUser} live sessions running; stop one (or close its tab) before starting another.",
                    OwnSessionsRetryAfter, BusyScope.User);
            if (_sessions.Count >= MaxTotal)
                throw new BusyException("The live coach is full right now; try again in a few minutes.", FullRetryAfter);
            _sessions[session.Id] = session;
        }
        return session;
    }

    /// <summary>The user's running session, attached to <paramref name="connectionId"/>; null when unknown, ended or another user's.</summary>
    public LiveWorkoutSession? Attach(string userId, Guid id, string connectionId)
    {
        if (!_sessions.TryGetValue(id, out var session) || session.UserId != userId)
            return null;
        lock (session.Gate)
        {
            if (session.Ended) return null;
            session.ConnectionId = connectionId;
            session.LastSeen = time.GetUtcNow();
            return session;
        }
    }

    public void Detach(string connectionId)
    {
        foreach (var session in _sessions.Values)
        {
            lock (session.Gate)
            {
                if (session.ConnectionId != connectionId) continue;
                session.ConnectionId = null;
                session.LastSeen = time.GetUtcNow();
            }
        }
    }

    /// <summary>Marks the session ended and removes it; the caller saves what it returns (null when already ended).</summary>
    public LiveWorkoutDocument? End(LiveWorkoutSession session)
    {
        lock (session.Gate)
        {
            if (session.Ended) return null;
            session.Ended = true;
            _sessions.TryRemove(session.Id, out _);
            // Nobody in view the whole time (camera on an empty room): nothing to keep.
            return session.SeenFrames > 0 ? session.Document() : null;
        }
    }

    /// <summary>Sessions whose connection is gone for longer than the grace period, or idle too long.</summary>
    public IReadOnlyList<LiveWorkoutSession> Expired()
    {
        var now = time.GetUtcNow();
        return [.. _sessions.Values.Where(s => now - s.LastSeen > (s.ConnectionId is null ? GracePeriod : IdleLimit))];
    }

    public static Task<PoseGen.Data.Entities.Activity> SaveAsync(HistoryService history, string userId, LiveWorkoutDocument document, CancellationToken ct)
    {
        if (document.PoseName is { } pose)
        {
            var practice = string.Create(CultureInfo.InvariantCulture,
                $"Best match {document.BestScore ?? 0:F0}/100, {document.HoldSeconds:F0} s held in {document.DurationS:F0} s");
            return history.AddAsync(userId, ActivityKind.Workout, $"{pose}: pose practice", practice, document, [], null, ct,
                figures: new ActivityFigures(document.PoseId, Score: document.BestScore, Seconds: document.DurationS));
        }
        var name = ExerciseCatalog.Default.Find(document.Exercise)?.Name ?? "Workout";
        var summary = document.Reps + document.ImproperReps == 0 && document.HoldSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{document.HoldSeconds:F0} s held in {document.DurationS:F0} s")
            : string.Create(CultureInfo.InvariantCulture, $"{document.Reps} good, {document.ImproperReps} improper reps in {document.DurationS:F0} s");
        return history.AddAsync(userId, ActivityKind.Workout, $"{name} live", summary, document, [], null, ct,
            figures: new ActivityFigures(document.Exercise, document.Reps, document.ImproperReps, Seconds: document.DurationS));
    }
}

/// <summary>Saves and forgets live sessions whose browser did not come back within the grace period.</summary>
public sealed partial class LiveWorkoutSweeper(LiveWorkoutSessions sessions, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<LiveWorkoutSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var session in sessions.Expired())
            {
                if (sessions.End(session) is not { } document) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await LiveWorkoutSessions.SaveAsync(scope.ServiceProvider.GetRequiredService<HistoryService>(), session.UserId, document, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSaveFailed(session.Id, ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving live workout session {Id} failed")]
    private partial void LogSaveFailed(Guid id, Exception exception);
}
