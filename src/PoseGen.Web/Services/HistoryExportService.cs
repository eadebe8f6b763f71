using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.History;
using PoseGen.Core.Poses;
using PoseGen.Data.Entities;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Workouts;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.History;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Services;

/// <summary>
/// Downloads of History: one entry as JSON, the (filtered) list as CSV, keypoints as COCO results or OpenPose JSON
/// (photo analyses and workouts), and a workout's reps as CSV. Every read is the owner's only; null is "no such entry".
/// </summary>
public sealed class HistoryExportService(HistoryService history, IOptions<PoseDetectionSettings> detection)
{
    public async Task<HistoryEntryExport?> EntryAsync(string userId, Guid id, CancellationToken ct)
    {
        if (await history.GetAsync(userId, id, ct) is not { } a)
            return null;
        using var document = JsonDocument.Parse(a.Document);
        return new HistoryEntryExport(a.Id, a.Kind.ToString().ToLowerInvariant(), HistoryText.KindName(a.Kind),
            DateTime.SpecifyKind(a.CreatedAtUtc, DateTimeKind.Utc),
            a.Title, a.Summary, new ActivityFigures(a.Exercise, a.GoodReps, a.ImproperReps, a.Score, a.Seconds),
            document.RootElement.Clone());
    }

    /// <summary>
    /// Every entry the filter matches, oldest first, as CSV (<see cref="HistoryCsv.EntryHeader"/>), streamed.
    /// </summary>
    public async Task WriteCsvAsync(string userId, HistoryFilter filter, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync(HistoryCsv.EntryHeader);
        var rows = history.Filtered(userId, filter).OrderBy(a => a.CreatedAtUtc)
            .Select(a => new { a.Id, a.Kind, a.CreatedAtUtc, a.Title, a.Summary, a.Exercise, a.GoodReps, a.ImproperReps,
                a.Score, a.Seconds })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            await output.WriteLineAsync(HistoryCsv.Line(
                a.Id.ToString(), a.Kind.ToString().ToLowerInvariant(), HistoryText.KindName(a.Kind),
                DateTime.SpecifyKind(a.CreatedAtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                a.Title, a.Summary, a.Exercise, HistoryCsv.Number(a.GoodReps), HistoryCsv.Number(a.ImproperReps),
                HistoryCsv.Number(a.Score), HistoryCsv.Number(a.Seconds)));
        }
    }

    /// <summary>The keypoints of a photo analysis (its people) or a workout (its replay frames) as COCO keypoint
    /// results or OpenPose JSON; other kinds hold no keypoints to export.</summary>
    public async Task<object?> KeypointsAsync(string userId, Guid id, PoseOutputFormat format, CancellationToken ct)
    {
        if (await history.GetAsync(userId, id, ct) is not { } activity)
            return null;
        if (activity.Kind == ActivityKind.Analysis && HistoryService.ReadDocument<PoseDetectionResponse>(
            activity) is { } analysis)
            return PoseFormats.Render(analysis, format, cocoImageId: 0);
        if (Timeline(activity) is { } timeline)
            return format switch
            {
                PoseOutputFormat.Coco => TimelineCoco(timeline),
                PoseOutputFormat.Openpose => TimelineOpenPose(timeline, detection.Value.KeypointThreshold),
                _ => timeline,
            };
        throw new InvalidInputException(
            $"A {HistoryText.KindName(activity.Kind).ToLowerInvariant()} entry holds no keypoints to export: photo " +
            $"analyses and workouts do.");
    }

    /// <summary>
    /// A workout's reps (or, for a video, every candidate cycle) as CSV (<see cref="HistoryCsv.RepHeader"/>).
    /// </summary>
    public async Task<string?> RepsCsvAsync(string userId, Guid id, CancellationToken ct)
    {
        if (await history.GetAsync(userId, id, ct) is not { } activity)
            return null;
        if (activity.Kind != ActivityKind.Workout)
            throw new InvalidInputException("Only workouts have reps to export.");
        var video = WorkoutJobDocument.TryRead(activity.Document);
        IReadOnlyList<RepDetail> reps = video?.Result?.RepDetails
            ?? LiveWorkoutHistory.TryRead(activity.Document)?.RepDetails ?? [];
        var lines = new List<string> { HistoryCsv.RepHeader };
        if (video?.Result?.Cycles is { } cycles)
            lines.AddRange(cycles.Select((c, i) => HistoryCsv.Line((i + 1).ToString(CultureInfo.InvariantCulture),
                HistoryCsv.Number(c.StartS), HistoryCsv.Number(c.PeakS), HistoryCsv.Number(c.EndS), c.Verdict, "", "",
                c.Explanation)));
        else
            lines.AddRange(reps.Select((r, i) => HistoryCsv.Line((i + 1).ToString(CultureInfo.InvariantCulture),
                HistoryCsv.Number(r.StartS), HistoryCsv.Number(r.PeakS), HistoryCsv.Number(r.EndS),
                r.Issues.Count > 0 ? "improper" : "good",
                HistoryCsv.Number(r.Quality), string.Join("; ", r.Issues), r.Explanation)));
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static KeypointTimeline? Timeline(Activity activity) => activity.Kind != ActivityKind.Workout ? null
        : WorkoutJobDocument.TryRead(activity.Document)?.Result?.Timeline
        ?? LiveWorkoutHistory.TryRead(activity.Document)?.Timeline;

    /// <summary>
    /// The frame's 17 COCO keypoints in pixels (the timeline keeps fractions of the frame); none for an empty frame.
    /// </summary>
    private static Keypoint[]? Pixels(TimelineFrame frame, KeypointTimeline timeline) =>
        frame.Points.Length < CocoKeypoints.Count * 3 ? null
            : [.. Enumerable.Range(0, CocoKeypoints.Count).Select(i =>
                new Keypoint(frame.Points[i * 3] * timeline.Width, frame.Points[(i * 3) + 1] * timeline.Height,
                    frame.Points[(i * 3) + 2]))];

    /// <summary>
    /// COCO keypoint results, one per frame with a person: image_id is the frame's index, score the mean keypoint
    /// score.
    /// </summary>
    private static IReadOnlyList<CocoResult> TimelineCoco(KeypointTimeline timeline) =>
        [.. timeline.Frames.Select((f, i) => (Index: i, Points: Pixels(f, timeline))).Where(f => f.Points is not null)
            .Select(f => new CocoResult(f.Index, 1, [.. f.Points!.SelectMany(k => new[] { k.X, k.Y, k.Score })],
                f.Points!.Average(k => k.Score)))];

    private static OpenPoseSequence TimelineOpenPose(KeypointTimeline timeline, float threshold) =>
        new("COCO-18", timeline.FramesPerSecond, [.. timeline.Frames.Select(f => new OpenPoseFrame(f.TimeS,
            Pixels(f, timeline) is { } points ? [new OpenPosePerson(
                [.. OpenPoseBody18.Convert(points, threshold).SelectMany(k => new[] { k.X, k.Y, k.Score })])] : [],
            timeline.Width, timeline.Height))]);
}
