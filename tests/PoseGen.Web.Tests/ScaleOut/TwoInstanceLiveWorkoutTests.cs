using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.Workouts;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;
using PoseGen.Web.Tests.Workouts;

namespace PoseGen.Web.Tests.ScaleOut;

/// <summary>
/// Live workouts on two app instances (one PostgreSQL database, one Redis): a browser whose reconnect lands on the
/// other instance carries on with its session there.
/// </summary>
public sealed class TwoInstanceLiveWorkoutTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>,
    IAsyncLifetime
{
    private const string Ended = "This session has ended; start a new one.";
    private readonly SharedBackends _backends = new(database);

    public Task InitializeAsync() => _backends.InitializeAsync();

    public Task DisposeAsync() => _backends.DisposeAsync();

    [Fact]
    public async Task ASessionResumedOnTheOtherInstanceCountsOnFromWhereItWasAndIsSavedOnce()
    {
        var clockOfA = new ShiftedTime();
        using var a = Instance(clockOfA);
        using var b = Instance();
        var userOnA = await LiveWorkoutUser.SignInAsync(a);
        var userOnB = userOnA.On(b);
        var stream = new SquatStream(await SquatPoses.DetectAsync(userOnA.Api));
        var beforeMove = stream.SettleAndSquat(reps: 2);
        var afterMove = stream.Squats(reps: 2);

        Guid sessionId;
        LiveWorkoutState onA;
        await using (var hubOnA = await userOnA.ConnectAsync())
        {
            sessionId = (await hubOnA.StartSessionAsync()).SessionId;
            onA = await hubOnA.SendAsync(sessionId, beforeMove);
        }
        Assert.Equal((2, 0), (onA.GoodReps, onA.ImproperReps));

        await using var hubOnB = await userOnB.ConnectAsync();
        var resumed = await hubOnB.ResumeAsync(sessionId);
        Assert.NotNull(resumed);
        Assert.Equal((sessionId, 2, onA.Frames, onA.ElapsedS), (resumed.SessionId, resumed.GoodReps, resumed.Frames,
            resumed.ElapsedS));
        var onB = await hubOnB.SendAsync(sessionId, afterMove);

        // One process fed the same frames in the same batches counts what the two counted together.
        var single = new LiveWorkoutSession(Guid.NewGuid(), "one", ExerciseCatalog.Default.Get("squat"), "lightning",
            DateTimeOffset.UnixEpoch);
        foreach (var batch in beforeMove.Chunk(8).Concat(afterMove.Chunk(8)))
            single.Add(batch);
        Assert.Equal((single.Counter!.GoodReps, single.Counter.ImproperReps, single.FrameCount),
            (onB.GoodReps, onB.ImproperReps, onB.Frames));
        Assert.Equal(4, onB.GoodReps);

        // A's copy is stale: when its sweeper ends it (here with A's clock past every limit), A saves nothing.
        clockOfA.Offset = LiveWorkoutSessions.IdleLimit + TimeSpan.FromMinutes(1);
        var sessionsOfA = a.Services.GetRequiredService<LiveWorkoutSessions>();
        foreach (var stale in sessionsOfA.Expired())
            Assert.Null(await sessionsOfA.EndAsync(stale));

        var historyId = await hubOnB.StopSessionAsync(sessionId);
        Assert.NotNull(historyId);
        using var list = JsonDocument.Parse(await userOnA.Api.GetStringAsync("/api/v1/history?kind=workout"));
        var saved = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(historyId.Value, saved.GetProperty("id").GetGuid());
        var entry = await userOnA.HistoryEntryAsync(historyId.Value);
        Assert.Equal(4, entry!.Value.GetProperty("document").GetProperty("reps").GetInt32());
        Assert.Null(await hubOnB.ResumeAsync(sessionId));
        await using var hubOnAAgain = await userOnA.ConnectAsync();
        Assert.Null(await hubOnAAgain.ResumeAsync(sessionId));
    }

    [Fact]
    public async Task ASessionThatComesBackToItsFirstInstanceReplacesTheStaleCopyThere()
    {
        using var a = Instance();
        using var b = Instance();
        var userOnA = await LiveWorkoutUser.SignInAsync(a);
        var stream = new SquatStream(await SquatPoses.DetectAsync(userOnA.Api));
        Guid sessionId;
        await using (var first = await userOnA.ConnectAsync())
        {
            sessionId = (await first.StartSessionAsync()).SessionId;
            Assert.Equal(1, (await first.SendAsync(sessionId, stream.SettleAndSquat(reps: 1))).GoodReps);
        }
        await using (var onB = await userOnA.On(b).ConnectAsync())
        {
            Assert.NotNull(await onB.ResumeAsync(sessionId));
            Assert.Equal(2, (await onB.SendAsync(sessionId, stream.Squats(reps: 1))).GoodReps);
        }

        await using var back = await userOnA.ConnectAsync();
        var resumed = await back.ResumeAsync(sessionId);

        Assert.NotNull(resumed);
        Assert.Equal(2, resumed.GoodReps);
        Assert.Equal(3, (await back.SendAsync(sessionId, stream.Squats(reps: 1))).GoodReps);
        var historyId = await back.StopSessionAsync(sessionId);
        Assert.NotNull(historyId);
        using var list = JsonDocument.Parse(await userOnA.Api.GetStringAsync("/api/v1/history?kind=workout"));
        Assert.Equal(historyId.Value, Assert.Single(list.RootElement.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnotherUserGetsWhatAnUnknownSessionGetsOnEitherInstance()
    {
        using var a = Instance();
        using var b = Instance();
        var owner = await LiveWorkoutUser.SignInAsync(a);
        var stream = new SquatStream(await SquatPoses.DetectAsync(owner.Api));
        await using var ownersHub = await owner.ConnectAsync();
        var sessionId = (await ownersHub.StartSessionAsync()).SessionId;
        var counted = await ownersHub.SendAsync(sessionId, stream.SettleAndSquat(reps: 1));
        var stranger = await LiveWorkoutUser.SignInAsync(b);

        foreach (var instance in new[] { a, b })
        {
            await using var strangersHub = await stranger.On(instance).ConnectAsync();
            Assert.Null(await strangersHub.ResumeAsync(sessionId));
            Assert.Null(await strangersHub.ResumeAsync(Guid.NewGuid()));
            Assert.Equal(Ended, await WorkoutHubTests.RefusedAsync(
                strangersHub.FramesAsync(sessionId, stream.Squats(reps: 1))));
            Assert.Null(await strangersHub.StopSessionAsync(sessionId));
        }

        // Still the owner's, on the instance that holds it and on the other.
        await using var ownersHubOnB = await owner.On(b).ConnectAsync();
        var resumed = await ownersHubOnB.ResumeAsync(sessionId);
        Assert.NotNull(resumed);
        Assert.Equal((1, counted.Frames), (resumed.GoodReps, resumed.Frames));
        Assert.NotNull(await ownersHubOnB.StopSessionAsync(sessionId));
    }

    [Fact]
    public async Task TheLimitOfRunningSessionsPerUserCountsTheSessionsOnBothInstances()
    {
        using var a = Instance();
        using var b = Instance();
        var userOnA = await LiveWorkoutUser.SignInAsync(a);
        await using var hubOnA = await userOnA.ConnectAsync();
        await using var hubOnB = await userOnA.On(b).ConnectAsync();
        for (var i = 0; i < LiveWorkoutSessions.MaxPerUser - 1; i++)
            await hubOnA.StartSessionAsync();
        var last = (await hubOnB.StartSessionAsync()).SessionId;

        Assert.StartsWith($"You already have {LiveWorkoutSessions.MaxPerUser} live sessions running",
            await WorkoutHubTests.RefusedAsync(hubOnA.StartSessionAsync()), StringComparison.Ordinal);

        Assert.Null(await hubOnB.StopSessionAsync(last));
        Assert.Equal(0, (await hubOnA.StartSessionAsync()).Frames);
    }

    private PoseGenWebFactory Instance(TimeProvider? clock = null) =>
        _backends.Instance(clock is null ? null : s => s.AddSingleton(clock));
}
