using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>Live workout flows run on each database provider.</summary>
internal static class LiveWorkoutScenarios
{
    /// <summary>
    /// Two squats, the connection dropped, a new connection resumes the session with its count, one more squat, stop:
    /// History holds one live session with all three reps.
    /// </summary>
    public static async Task ReconnectKeepsTheCountAndHistoryGetsEveryRepAsync(PoseGenWebFactory factory)
    {
        var user = await LiveWorkoutUser.SignInAsync(factory);
        var stream = new SquatStream(await SquatPoses.DetectAsync(user.Api));

        Guid sessionId;
        LiveWorkoutState beforeDrop;
        await using (var first = await user.ConnectAsync())
        {
            var started = await first.StartSessionAsync();
            Assert.Equal(("squat", 0, 0, 0), (started.Exercise, started.GoodReps, started.ImproperReps,
                started.Frames));
            sessionId = started.SessionId;
            beforeDrop = await first.SendAsync(sessionId, stream.SettleAndSquat(reps: 2));
        }
        Assert.Equal((2, 0), (beforeDrop.GoodReps, beforeDrop.ImproperReps));

        await using var second = await user.ConnectAsync();
        var resumed = await second.ResumeAsync(sessionId);
        Assert.NotNull(resumed);
        Assert.Equal((sessionId, 2, 0, beforeDrop.Frames), (resumed.SessionId, resumed.GoodReps, resumed.ImproperReps,
            resumed.Frames));

        var after = await second.SendAsync(sessionId, stream.Squats(reps: 1));
        Assert.Equal((3, 0), (after.GoodReps, after.ImproperReps));
        Assert.NotNull(after.LastRep);
        Assert.Empty(after.LastRep.Issues);

        var historyId = await second.StopSessionAsync(sessionId);
        Assert.NotNull(historyId);
        Assert.Null(await second.ResumeAsync(sessionId));

        var entry = await user.HistoryEntryAsync(historyId.Value);
        Assert.NotNull(entry);
        var saved = entry.Value;
        Assert.Equal(("workout", "Squat live"), (saved.GetProperty("kind").GetString(),
            saved.GetProperty("title").GetString()));
        Assert.StartsWith("3 good, 0 improper reps in ", saved.GetProperty("summary").GetString(),
            StringComparison.Ordinal);
        var document = saved.GetProperty("document");
        Assert.Equal(("live", "squat", "lightning"),
            (document.GetProperty("source").GetString(), document.GetProperty("exercise").GetString(),
                document.GetProperty("model").GetString()));
        Assert.Equal((3, 0), (document.GetProperty("reps").GetInt32(),
            document.GetProperty("improperReps").GetInt32()));
        var reps = document.GetProperty("repDetails").EnumerateArray().ToList();
        Assert.Equal(3, reps.Count);
        Assert.All(reps, r => Assert.Equal(0, r.GetProperty("issues").GetArrayLength()));
        // Rep times are from the session's first frame and keep increasing across the reconnect.
        Assert.True(reps[2].GetProperty("startS").GetDouble() > reps[1].GetProperty("endS").GetDouble());
        Assert.Equal(after.ElapsedS, document.GetProperty("durationS").GetDouble(), 2);
    }
}
