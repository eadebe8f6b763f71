using System.Globalization;
using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;

namespace PoseGen.Web.Services.Workouts;

/// <summary>A live session's History entry: saved when it ends (the hub on stop, the sweeper on expiry), read back
/// for the History pages and exports.</summary>
public static class LiveWorkoutHistory
{
    public static Task<PoseGen.Data.Entities.Activity> SaveAsync(
        HistoryService history, string userId, LiveWorkoutDocument document, CancellationToken ct)
    {
        if (document.PoseName is { } pose)
        {
            var practice = string.Create(CultureInfo.InvariantCulture,
                $"Best match {document.BestScore ?? 0:F0}/100, "
                + $"{document.HoldSeconds:F0} s held in {document.DurationS:F0} s");
            return history.AddAsync(
                userId, ActivityKind.Workout, $"{pose}: pose practice", practice, document, [], null, ct,
                figures: new ActivityFigures(document.PoseId, Score: document.BestScore, Seconds: document.DurationS));
        }
        var name = ExerciseCatalog.Default.Find(document.Exercise)?.Name ?? "Workout";
        var summary = document.Reps + document.ImproperReps == 0 && document.HoldSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{document.HoldSeconds:F0} s held in {document.DurationS:F0} s")
            : string.Create(CultureInfo.InvariantCulture,
                $"{document.Reps} good, {document.ImproperReps} improper reps in {document.DurationS:F0} s");
        return history.AddAsync(userId, ActivityKind.Workout, $"{name} live", summary, document, [], null, ct,
            figures: new ActivityFigures(
                document.Exercise, document.Reps, document.ImproperReps, Seconds: document.DurationS));
    }

    /// <summary>The document of a live session; null for other Workout documents (video jobs).</summary>
    public static LiveWorkoutDocument? TryRead(string json) =>
        HistoryService.TryReadDocument<LiveWorkoutDocument>(json, d => d.Source == LiveWorkoutDocument.LiveSource);
}
