using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;

namespace PoseGen.Web.Contracts.Workouts;

/// <summary>What <c>GET /api/v1/workouts/analyses/{id}</c> answers.</summary>
public sealed record WorkoutJobStatus(Guid Id, string Status, double Progress, string Exercise, string? Error,
    VideoWorkoutResult? Result)
{
    public static WorkoutJobStatus From(Guid id, WorkoutJobDocument d) =>
        new(id, d.Status, d.Progress, d.Exercise, d.Error, d.Result);
}
