using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Contracts.Workouts;

/// <summary>What <c>GET /api/v1/workouts/analyses/{id}</c> answers. <see cref="Progress"/> is the fraction of the
/// pass named by <see cref="Stage"/>: "reading" the clip, then, only for a clip the exercise cannot be read from,
/// "turned" (read again turned a quarter); null until the first progress is saved.</summary>
public sealed record WorkoutJobStatus(Guid Id, string Status, double Progress, string Exercise, string? Error,
    VideoWorkoutResult? Result, string? Stage)
{
    public static WorkoutJobStatus From(Guid id, WorkoutJobDocument d) =>
        new(id, d.Status, d.Progress, d.Exercise, d.Error, d.Result, d.Stage);
}
