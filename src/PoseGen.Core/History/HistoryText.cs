using PoseGen.Core.Library;
using PoseGen.Core.Workouts;

namespace PoseGen.Core.History;

/// <summary>
/// How kinds and exercises read to a person, wherever History, the dashboard or an export shows them.
/// </summary>
public static class HistoryText
{
    public static string KindName(ActivityKind kind) => kind switch
    {
        ActivityKind.Analysis => "Photo analysis",
        ActivityKind.Comparison => "Pose comparison",
        ActivityKind.Workout => "Workout",
        ActivityKind.Recommendation => "Pose ideas",
        ActivityKind.Generation => "Rendered image",
        ActivityKind.ContextClassification => "Scene check",
        _ => kind.ToString(),
    };

    /// <summary>An exercise's or a practised library pose's name; the id itself when neither knows it.</summary>
    public static string ExerciseName(string id) =>
        ExerciseCatalog.Default.Find(id)?.Name ?? PoseLibrary.Default.Find(id)?.Name ?? id;

    /// <summary>
    /// Whether <paramref name="id"/> is an exercise or a library pose (the values the exercise column holds).
    /// </summary>
    public static bool IsKnownExercise(string id) => ExerciseCatalog.Default.Find(id) is not null
        || PoseLibrary.Default.Find(id) is not null;
}
