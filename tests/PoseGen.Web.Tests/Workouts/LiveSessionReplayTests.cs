using PoseGen.Application.Workouts;
using PoseGen.Core.Workouts;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>A stored session (start record and frame batches) rebuilds the session another instance held.</summary>
public sealed class LiveSessionReplayTests
{
    private static LiveFrame Frame(double t) =>
        new(t, 640, 480, [.. Enumerable.Range(0, 17).SelectMany(i =>
            new float?[] { 100f + i + (float)(t / 3), 200f + i - (float)(t / 7), 0.9f - (i * 0.013f) })]);

    private static PoseReference Reference()
    {
        var library = PoseGen.Core.Library.PoseLibrary.Default;
        var pose = library.Find("warrior-2")!;
        return new PoseReference(pose.Id, pose.Name, "front", library.Project(pose, PoseGen.Core.Library.PoseView.Front)
            .ToCoco().Keypoints);
    }

    /// <summary>The reference pose moved into a 640 x 480 frame, a little further each frame.</summary>
    private static LiveFrame PoseFrame(double t) =>
        new(t, 640, 480, [.. Reference().Keypoints.SelectMany(k =>
            new float?[] { 120 + (k.X * 0.8f) + (float)t, 20 + (k.Y * 0.8f), Math.Max(k.Score, 0.9f) })]);

    /// <summary>Stores what the session accepts, batch by batch, as the owning instance does.</summary>
    private static LiveSessionRecord Stored(LiveWorkoutSession session, IEnumerable<LiveFrame[]> batches)
    {
        var stored = new List<LiveFrame[]>();
        foreach (var batch in batches)
            stored.Add(LiveFrameBatch.Decode(LiveFrameBatch.Encode(session.Accept(batch).Accepted)));
        return new LiveSessionRecord(LiveSessionStart.FromJson(session.Start.ToJson()), stored);
    }

    [Fact]
    public void ABatchDecodesToTheSameFramesBitForBit()
    {
        LiveFrame[] frames = [Frame(0.1), Frame(1 / 3.0) with { K = [null, .. Frame(0).K[1..]] }, Frame(7.77)];

        var decoded = LiveFrameBatch.Decode(LiveFrameBatch.Encode(frames));

        Assert.Equal(frames.Length, decoded.Length);
        for (var f = 0; f < frames.Length; f++)
        {
            Assert.Equal((frames[f].T, frames[f].W, frames[f].H), (decoded[f].T, decoded[f].W, decoded[f].H));
            Assert.Equal(frames[f].K, decoded[f].K);
        }
        Assert.Equal(5 + (3 * LiveFrameBatch.FrameBytes), LiveFrameBatch.Encode(frames).Length);
    }

    [Fact]
    public void ABatchOfAnotherVersionOrLengthIsRefused()
    {
        var bytes = LiveFrameBatch.Encode([Frame(1)]);

        Assert.Throws<FormatException>(() => LiveFrameBatch.Decode(bytes[..^1]));
        bytes[0] = 2;
        Assert.Throws<FormatException>(() => LiveFrameBatch.Decode(bytes));
    }

    [Fact]
    public void TheStartRecordKeepsThePractisedPoseExactly()
    {
        var start = new LiveSessionStart(Guid.NewGuid(), "user", "hold", "thunder", Reference());

        var read = LiveSessionStart.FromJson(start.ToJson());

        Assert.Equal((start.Id, start.UserId, start.Exercise, start.Model),
            (read.Id, read.UserId, read.Exercise, read.Model));
        Assert.Equal(start.Reference!.Keypoints, read.Reference!.Keypoints);
        Assert.Equal((start.Reference.PoseId, start.Reference.Name, start.Reference.View),
            (read.Reference.PoseId, read.Reference.Name, read.Reference.View));
    }

    [Fact]
    public void AReplayedPracticeSessionHasTheSameScoresHoldAndTimeline()
    {
        var held = new LiveWorkoutSession(Guid.NewGuid(), "user", ExerciseCatalog.Default.Get("hold"), "lightning",
            DateTimeOffset.UnixEpoch, Reference());
        var record = Stored(held, Enumerable.Range(0, 40).Select(i => PoseFrame(i / 10.0)).Chunk(7));

        var replayed = LiveWorkoutSession.Replay(record, DateTimeOffset.UnixEpoch);

        Assert.Equal(Json(held.State()), Json(replayed.State()));
        Assert.Equal(Json(held.Document()), Json(replayed.Document()));
        Assert.True(replayed.State().HoldSeconds > 0);
    }

    [Fact]
    public void AReplayStoresOnlyWhatWasAcceptedSoResentAndOverLimitFramesAreNotFoldedTwice()
    {
        var held = new LiveWorkoutSession(Guid.NewGuid(), "user", ExerciseCatalog.Default.Get("squat"), "lightning",
            DateTimeOffset.UnixEpoch);
        LiveFrame[] first = [Frame(10), Frame(10.1), Frame(10.2)];
        LiveFrame[][] batches = [first, first, [Frame(10.3), Frame(10 + LiveWorkoutSession.MaxDurationS),
            Frame(11 + LiveWorkoutSession.MaxDurationS)]];

        var record = Stored(held, batches);

        Assert.Equal([3, 0, 2], record.Batches.Select(b => b.Length));
        var replayed = LiveWorkoutSession.Replay(record, DateTimeOffset.UnixEpoch);
        Assert.Equal(held.FrameCount, replayed.FrameCount);
        Assert.Equal(Json(held.Document()), Json(replayed.Document()));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value,
        HistoryService.DocumentJson);
}
