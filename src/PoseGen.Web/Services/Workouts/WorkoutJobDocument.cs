using PoseGen.Application.Workouts;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// The History document of a video analysis (ActivityKind.Workout), rewritten as the job progresses so the record
/// survives a restart. <see cref="Progress"/> is in [0, 1] of the pass named by <see cref="Stage"/> (an
/// <see cref="AnalysisProgress"/> stage; null before the first is saved); <see cref="VideoFile"/> is the upload's file
/// name under the data folder's videos/, removed once the job ends. <see cref="Attempts"/> counts the runs started;
/// those that Hangfire did not retry after an exception were ended by the process, and after <see cref="MaxAttempts"/>
/// such runs the job is failed instead of tried again (a clip that crashes the app must not crash it at every start).
/// </summary>
public sealed record WorkoutJobDocument(
    string Source,
    string Status,
    double Progress,
    string Exercise,
    string? VideoFile,
    string? Error,
    VideoWorkoutResult? Result,
    int Attempts = 0,
    string? Stage = null)
{
    public const int MaxAttempts = 2;
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    public bool IsPending => Status is Queued or Running;

    /// <summary>
    /// The job document of a video analysis; null for other Workout documents (live sessions have their own shape).
    /// </summary>
    public static WorkoutJobDocument? TryRead(string json) =>
        HistoryService.TryReadDocument<WorkoutJobDocument>(json, d => d.Source == "video");
}
