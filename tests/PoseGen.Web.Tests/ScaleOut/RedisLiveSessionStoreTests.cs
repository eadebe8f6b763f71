using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PoseGen.Application.Workouts;
using PoseGen.TestSupport.Redis;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.ScaleOut;

/// <summary>The Redis store on a real redis-server: who may write, take over and end a session.</summary>
public sealed class RedisLiveSessionStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
    private RedisServer? _server;
    private RedisConnection? _connection;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = new RedisConnection(Options.Create(new RedisOptions { Configuration = _server.Configuration }));
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private RedisLiveSessionStore Store() => new(_connection!, NullLogger<RedisLiveSessionStore>.Instance);

    private static LiveSessionStart NewStart(string user = "user-a") =>
        new(Guid.NewGuid(), user, "squat", "lightning", null);

    private static byte[] Batch(double t) =>
        LiveFrameBatch.Encode([new LiveFrame(t, 640, 480, [.. Enumerable.Repeat<float?>(0.5f, 51)])]);

    [Fact]
    public async Task ATakeOverGetsTheBatchesInOrderAndTheOldOwnerCanNoLongerWriteOrEnd()
    {
        var store = Store();
        var start = NewStart();
        Assert.Equal(LiveSessionClaim.Owned, await store.CreateAsync(start, "a", 3, Expiry));
        Assert.Equal(LiveSessionClaim.Owned, await store.AppendAsync(start, "a", Batch(1), Expiry));
        Assert.Equal(LiveSessionClaim.Owned, await store.AppendAsync(start, "a", Batch(2), Expiry));

        var record = await store.TakeOverAsync(start.Id, start.UserId, "b", Expiry);

        Assert.NotNull(record);
        Assert.Equal(start, record.Start);
        Assert.Equal([1.0, 2.0], record.Batches.Select(b => b.Single().T));
        Assert.Equal(LiveSessionClaim.Moved, await store.AppendAsync(start, "a", Batch(3), Expiry));
        Assert.Equal(LiveSessionClaim.Moved, await store.TouchAsync(start, "a", Expiry));
        Assert.Equal(LiveSessionClaim.Moved, await store.EndAsync(start, "a", Expiry));
        Assert.Equal(LiveSessionClaim.Owned, await store.EndAsync(start, "b", Expiry));
    }

    [Fact]
    public async Task AnotherUsersSessionAnswersAsAnUnknownOne()
    {
        var store = Store();
        var start = NewStart();
        await store.CreateAsync(start, "a", 3, Expiry);

        Assert.Null(await store.TakeOverAsync(start.Id, "user-b", "b", Expiry));
        Assert.Null(await store.TakeOverAsync(Guid.NewGuid(), "user-b", "b", Expiry));
        Assert.Equal(LiveSessionClaim.Owned, await store.AppendAsync(start, "a", Batch(1), Expiry));
    }

    [Fact]
    public async Task AnEndedSessionIsEndedOnceAndCannotBeTakenOver()
    {
        var store = Store();
        var start = NewStart();
        await store.CreateAsync(start, "a", 3, Expiry);

        Assert.Equal(LiveSessionClaim.Owned, await store.EndAsync(start, "a", Expiry));

        Assert.Equal(LiveSessionClaim.Moved, await store.EndAsync(start, "a", Expiry));
        Assert.Null(await store.TakeOverAsync(start.Id, start.UserId, "b", Expiry));
        Assert.Equal(LiveSessionClaim.Missing, await store.EndAsync(NewStart(), "a", Expiry));
    }

    [Fact]
    public async Task TheUsersRunningSessionsAreCountedAcrossOwnersAndFreedWhenOneEnds()
    {
        var store = Store();
        var user = $"user-{Guid.NewGuid():N}";
        var first = NewStart(user);
        Assert.Equal(LiveSessionClaim.Owned, await store.CreateAsync(first, "a", 2, Expiry));
        Assert.Equal(LiveSessionClaim.Owned, await store.CreateAsync(NewStart(user), "b", 2, Expiry));

        Assert.Equal(LiveSessionClaim.UserFull, await store.CreateAsync(NewStart(user), "a", 2, Expiry));

        await store.EndAsync(first, "a", Expiry);
        Assert.Equal(LiveSessionClaim.Owned, await store.CreateAsync(NewStart(user), "b", 2, Expiry));
    }

    [Fact]
    public async Task ASessionWhoseRecordIsAboutToExpireUnendedIsAbandonedAndNoLongerOnceEnded()
    {
        var store = Store();
        var (soon, later) = (NewStart(), NewStart());
        await store.CreateAsync(soon, "a", 3, TimeSpan.FromSeconds(20));
        await store.CreateAsync(later, "a", 3, Expiry);

        var abandoned = await store.AbandonedAsync(TimeSpan.FromSeconds(30));

        Assert.Contains((soon.Id, soon.UserId), abandoned);
        Assert.DoesNotContain(later.Id, abandoned.Select(a => a.Id));
        Assert.Equal(LiveSessionClaim.Owned, await store.EndAsync(soon, "a", Expiry));
        Assert.DoesNotContain(soon.Id, (await store.AbandonedAsync(TimeSpan.FromSeconds(30))).Select(a => a.Id));
    }

    /// <summary>
    /// An instance dies mid-workout and the browser never comes back: another instance saves the session, once.
    /// </summary>
    [Fact]
    public async Task AnotherInstanceEndsTheSessionOfAnInstanceThatIsGoneAndOnlyOnce()
    {
        var (store, user) = (Store(), $"user-{Guid.NewGuid():N}");
        var gone = new LiveWorkoutSessions(TimeProvider.System, store);
        var session = await gone.StartAsync(user, "c1", "squat", "lightning");
        await gone.AddAsync(session, [.. Enumerable.Range(0, 20).Select(i => new LiveFrame(i / 10.0, 640, 480,
            [.. Enumerable.Range(0, 17).SelectMany(k => new float?[] { 300f + k, 100f + (10 * k), 0.9f })]))]);
        var (first, second) = (new LiveWorkoutSessions(TimeProvider.System, store),
            new LiveWorkoutSessions(TimeProvider.System, store));

        // The record lives for the idle limit plus the margin; an hour's window stands for that time passing.
        var rescued = await first.RescueAbandonedAsync(TimeSpan.FromHours(1));
        var again = await second.RescueAbandonedAsync(TimeSpan.FromHours(1));

        var (id, userId, document) = Assert.Single(rescued, r => r.UserId == user);
        Assert.Equal(session.Id, id);
        Assert.Equal("squat", document.Exercise);
        Assert.Equal(1.9, document.DurationS, 2);
        Assert.DoesNotContain(again, r => r.Id == session.Id);
        Assert.Null(await gone.EndAsync(session));
    }

    [Fact]
    public async Task ARedisThatDoesNotAnswerIsUnavailableNotAnError()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var nowhere = new RedisConnection(Options.Create(new RedisOptions
        {
            Configuration = $"127.0.0.1:{closedPort},connectTimeout=200,syncTimeout=200,asyncTimeout=200",
        }));
        var store = new RedisLiveSessionStore(nowhere, NullLogger<RedisLiveSessionStore>.Instance);

        Assert.Equal(LiveSessionClaim.Unavailable, await store.CreateAsync(NewStart(), "a", 3, Expiry));
        Assert.Null(await store.TakeOverAsync(Guid.NewGuid(), "user", "a", Expiry));
        Assert.Empty(await store.AbandonedAsync(TimeSpan.FromSeconds(30)));
    }
}
