using PoseGen.Application.Workouts;
using PoseGen.Core.Errors;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>What <see cref="LiveWorkoutSessions"/> does with each answer of a shared store.</summary>
public sealed class LiveWorkoutSessionsStoreTests
{
    private static LiveFrame Frame(double t) =>
        new(t, 640, 480, [.. Enumerable.Range(0, 17).SelectMany(i => new float?[] { 100f + i, 200f + i, 0.9f })]);

    [Fact]
    public async Task ABatchTheStoreMissedWithdrawsTheRecordAndTheSessionIsSavedWhereItIs()
    {
        var store = new ScriptedStore { Appends = new([LiveSessionClaim.Unavailable]) };
        var sessions = new LiveWorkoutSessions(TimeProvider.System, store);
        var session = await sessions.StartAsync("user", "c1", "squat", "lightning");

        await sessions.AddAsync(session, [Frame(1), Frame(1.1)]);
        await sessions.AddAsync(session, [Frame(1.2)]);

        Assert.Equal(LiveSessionSharing.Local, session.Sharing);
        Assert.Equal(1, store.Appended);
        Assert.Equal(1, store.Ends);
        Assert.NotNull(await sessions.EndAsync(session));
        Assert.Equal(1, store.Ends);
    }

    [Fact]
    public async Task ASessionTakenOverElsewhereRefusesFramesHereAndIsNotSavedHere()
    {
        var store = new ScriptedStore { Appends = new([LiveSessionClaim.Moved]) };
        var sessions = new LiveWorkoutSessions(TimeProvider.System, store);
        var session = await sessions.StartAsync("user", "c1", "squat", "lightning");

        await Assert.ThrowsAsync<NotFoundException>(() => sessions.AddAsync(session, [Frame(1)]));

        Assert.Null(await sessions.AttachAsync("user", session.Id, "c1"));
        Assert.Null(await sessions.EndAsync(session));
        Assert.Empty(sessions.Expired());
    }

    [Fact]
    public async Task EndingASharedSessionThatMovedSavesNothing()
    {
        var store = new ScriptedStore { EndAnswer = LiveSessionClaim.Moved };
        var sessions = new LiveWorkoutSessions(TimeProvider.System, store);
        var session = await sessions.StartAsync("user", "c1", "squat", "lightning");
        await sessions.AddAsync(session, [Frame(1), Frame(1.1)]);

        Assert.Null(await sessions.EndAsync(session));
    }

    /// <summary>A shared store whose appends answer <see cref="Appends"/> in turn (then Owned).</summary>
    private sealed class ScriptedStore : ILiveSessionStore
    {
        public Queue<LiveSessionClaim> Appends { get; init; } = new();
        public LiveSessionClaim EndAnswer { get; init; } = LiveSessionClaim.Owned;
        public int Appended { get; private set; }
        public int Ends { get; private set; }

        public bool IsShared => true;

        public Task<LiveSessionClaim> CreateAsync(LiveSessionStart start, string owner, int maxPerUser,
            TimeSpan expiry) =>
            Task.FromResult(LiveSessionClaim.Owned);

        public Task<LiveSessionClaim> TouchAsync(LiveSessionStart start, string owner, TimeSpan expiry) =>
            Task.FromResult(LiveSessionClaim.Owned);

        public Task<LiveSessionClaim> AppendAsync(LiveSessionStart start, string owner, byte[] batch, TimeSpan expiry)
        {
            Appended++;
            return Task.FromResult(Appends.TryDequeue(out var answer) ? answer : LiveSessionClaim.Owned);
        }

        public Task<LiveSessionRecord?> TakeOverAsync(Guid id, string userId, string owner, TimeSpan expiry) =>
            Task.FromResult<LiveSessionRecord?>(null);

        public Task<IReadOnlyList<(Guid Id, string UserId)>> AbandonedAsync(TimeSpan within) =>
            Task.FromResult<IReadOnlyList<(Guid Id, string UserId)>>([]);

        public Task<LiveSessionClaim> EndAsync(LiveSessionStart start, string owner, TimeSpan expiry)
        {
            Ends++;
            return Task.FromResult(EndAnswer);
        }
    }
}
