using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Contracts.Poses;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.ViewModels.History;

/// <summary>
/// The few facts of a saved result worth reading at a glance: (label, value) pairs and a list of lines.
/// </summary>
public sealed record HistoryHighlights(IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<string> Lines)
{
    public static readonly HistoryHighlights None = new([], []);

    public static HistoryHighlights From(ActivityKind kind, string document) => kind switch
    {
        ActivityKind.Comparison => Read<CompareResponse>(document) is { } c
            ? new([("Score", $"{c.Score:0}/100"), ("Alignment", c.Model), ("Mirrored", c.Mirrored ? "yes" : "no")],
                c.Feedback.Count > 0 ? c.Feedback : ["Nothing to correct."])
            : None,
        ActivityKind.Workout => WorkoutJobDocument.TryRead(document) is { } w
            ? new([("Exercise", w.Result?.Exercise ?? w.Exercise), ("Status", w.Status),
                ("Good reps", w.Result?.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"),
                    ("Improper reps", w.Result?.ImproperReps.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        ?? "–")],
                w.Error is null ? [] : [w.Error])
            : LiveWorkoutHistory.TryRead(document) is { } l
                ? new([("Exercise", l.Exercise), ("Model", l.Model), ("Duration", $"{l.DurationS:0} s"),
                        ("Good reps", l.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("Improper reps", l.ImproperReps.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    [.. l.RepDetails.Select((r, i) =>
                        $"Rep {i + 1}: {r.StartS:0.0}-{r.EndS:0.0} s, quality {r.Quality:0.00}"
                        + (r.Issues.Count > 0 ? " (" + string.Join(", ", r.Issues) + ")" : ""))])
                : None,
        ActivityKind.Recommendation => Read<RecommendationResponse>(document) is { } r
            ? new([("Prompt", r.Prompt ?? "(profile only)"), ("Poses",
                r.Poses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                r.Poses.Select(p => p.Name).ToList())
            : None,
        _ => None,
    };

    private static T? Read<T>(string json) where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(json, HistoryService.DocumentJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
