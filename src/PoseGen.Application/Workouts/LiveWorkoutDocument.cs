
namespace PoseGen.Application.Workouts;

/// <summary>
/// The History document of a live webcam session (ActivityKind.Workout, <see cref="Source"/> "live"). Times are seconds
/// from the session's first frame; <see cref="HoldSeconds"/> is the good-form time of hold exercises (0 for reps). Pose
/// practice (exercise "hold") also keeps the pose and the session's best match (0-100).
/// </summary>
public sealed record LiveWorkoutDocument(
    string Source,
    string Exercise,
    string Model,
    double DurationS,
    int Reps,
    int ImproperReps,
    double HoldSeconds,
    IReadOnlyList<RepDetail> RepDetails,
    KeypointTimeline Timeline,
    string? PoseId = null,
    string? PoseName = null,
    double? BestScore = null)
{
    public const string LiveSource = "live";
}
