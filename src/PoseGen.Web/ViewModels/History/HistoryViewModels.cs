using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using PoseGen.Application.Workouts;
using PoseGen.Core.History;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.ViewModels.History;

/// <summary>
/// What the list says after a delete (with its undo token) or an undo (how many came back; 0 = too late).
/// </summary>
public sealed record HistoryNotice(string? UndoToken, int Deleted, int? Restored);

public sealed record HistoryIndexViewModel(
    IReadOnlyList<ActivitySummary> Items, ActivityKind? Kind, int Page, int PageCount, HistoryFilter Filter, int Total,
    IReadOnlyList<string> Exercises,
    HistoryNotice Notice)
{
    /// <summary>The bulk delete's question, with how many entries it takes.</summary>
    public string BulkDeleteQuestion =>
        $"Delete {(Filter.IsEmpty && Total > 1 ? "all" : "the")} {Total} {(Total == 1 ? "entry" : "entries")}"
        + (Filter.IsEmpty ? "" : Total == 1 ? " that matches this filter" : " that match this filter")
        + $" and {(Total == 1 ? "its" : "their")} pictures? You can undo for a few seconds.";

    /// <summary>
    /// The list's address for <paramref name="page"/> with the same filter (paging keeps the filter).
    /// </summary>
    public string PageUrl(int page) => WithFilter("/History", page);

    /// <summary>The CSV download of every entry the filter matches.</summary>
    public string CsvUrl => WithFilter("/api/v1/history/export.csv", null);

    private string WithFilter(string path, int? page) => QueryHelpers.AddQueryString(path,
        new Dictionary<string, string?>
    {
        ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kind"] = Filter.Kind?.ToString(), ["q"] = Filter.Search,
        ["exercise"] = Filter.Exercise, ["from"] = Filter.From?.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}

public sealed record HistoryDetailsViewModel(ActivitySummary Summary, string DocumentJson, IReadOnlyList<Guid> MediaIds)
{
    public HistoryHighlights Highlights => HistoryHighlights.From(Summary.Kind, DocumentJson);

    /// <summary>
    /// The saved keypoint timeline of a live session or a finished video analysis; null when there is none to replay.
    /// </summary>
    public KeypointTimeline? Timeline => Summary.Kind != ActivityKind.Workout
        ? null
        : (WorkoutJobDocument.TryRead(DocumentJson)?.Result?.Timeline
            ?? LiveWorkoutHistory.TryRead(DocumentJson)?.Timeline)
            is { Frames.Count: > 0 } timeline ? timeline : null;

    /// <summary>Every cycle of the workout with its verdict and explanation, for marking them on the replay: a video
    /// analysis lists counted and uncounted cycles, a live session its counted reps.</summary>
    public IReadOnlyList<CycleDetail> Cycles => Summary.Kind != ActivityKind.Workout ? []
        : WorkoutJobDocument.TryRead(DocumentJson)?.Result is { } result
            ? result.Cycles ?? [.. result.RepDetails.Select(Cycle)]
            : LiveWorkoutHistory.TryRead(DocumentJson) is { } live ? [.. live.RepDetails.Select(Cycle)] : [];

    /// <summary>The timeline and its cycles as JSON for the replay script, with '&lt;' escaped so no string can close
    /// the script element.</summary>
    public string TimelineJson => Timeline is { } timeline
        ? JsonSerializer.Serialize(new { timeline.FramesPerSecond, timeline.Width, timeline.Height, timeline.Frames,
            Cycles }, HistoryService.DocumentJson)
            .Replace("<", "\\u003c", StringComparison.Ordinal)
        : "null";

    private static CycleDetail Cycle(RepDetail r) =>
        new(r.StartS, r.PeakS, r.EndS, r.Issues.Count > 0 ? "improper" : "good",
            r.Explanation ?? (r.Issues.Count > 0 ? "Improper: " + string.Join(", ", r.Issues) : "Good rep"));
}
