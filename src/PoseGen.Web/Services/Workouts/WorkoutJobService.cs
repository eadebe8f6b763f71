using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Data;
using PoseGen.Core.Errors;
using PoseGen.Web.Services.Jobs;
using PoseGen.Web.Contracts.Workouts;

namespace PoseGen.Web.Services.Workouts;

/// <summary>Accepts uploaded clips as queued jobs (Hangfire's <see cref="JobQueues.Video"/> queue) and reads their
/// state, scoped to the owner.</summary>
public sealed class WorkoutJobService(
    HistoryService history, PoseGenDbContext db, IVideoFrameSource frames, WorkoutVideoStore videos,
    IBackgroundJobClient jobs,
    JobStorage storage, IOptions<JobOptions> options)
{
    /// <summary>
    /// The exercise value that asks for the exercise to be recognised from the motion (also the default).
    /// </summary>
    public const string Auto = "auto";

    private static readonly string[] Extensions = [".mp4", ".webm", ".mov", ".m4v", ".mkv"];

    // A guess, not a measurement: a waiting clip takes about as long as it plays, and the line holds several.
    private static readonly TimeSpan QueueFullRetryAfter = TimeSpan.FromMinutes(2);

    public async Task<Guid> EnqueueAsync(string userId, IFormFile? video, string? exerciseId, CancellationToken ct)
    {
        if (video is null || video.Length == 0)
            throw new InvalidInputException("Send the clip as the multipart form field 'video'.");
        var auto = string.IsNullOrWhiteSpace(exerciseId) || exerciseId.Trim()
            .Equals(Auto, StringComparison.OrdinalIgnoreCase);
        var exercise = auto ? null : ExerciseCatalog.Default.Resolve(exerciseId!);
        if (!auto && (exercise is null || exercise.Kind != ExerciseKind.Reps))
            throw new InvalidInputException(
                "Field 'exercise' must be 'auto' (recognise it from the video, the default) or one of: "
                + string.Join(", ", ExerciseCatalog.Default.Exercises.Where(e => e.Kind == ExerciseKind.Reps)
                    .Select(e => e.Id)) + ".");
        var extension = Path.GetExtension(video.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            extension = ".bin";
        await EnsureRoomAsync(userId, ct);

        var id = Guid.NewGuid();
        Directory.CreateDirectory(videos.Folder);
        var fileName = id.ToString("N") + extension;
        var path = videos.PathOf(fileName);
        var saved = false;
        try
        {
            // Inside the try: an upload aborted while it is copied leaves no partial file.
            await using (var output = File.Create(path))
                await video.CopyToAsync(output, ct);
            // Probing now turns a non-video, an over-long clip or an unreadable file into a 415/422 on the upload
            // itself.
            var info = await frames.ProbeAsync(path, ct);
            var document = new WorkoutJobDocument("video", WorkoutJobDocument.Queued, 0, exercise?.Id ?? Auto, fileName,
                null, null);
            await history.AddAsync(userId, ActivityKind.Workout, exercise is null ? "Workout video"
                : $"{exercise.Name} video", $"{info.DurationSeconds:F0} s clip, queued",
                document, [], null, ct, id);
            saved = true;
            jobs.Enqueue<WorkoutAnalysisJob>(job => job.RunAsync(id, null, CancellationToken.None));
            return id;
        }
        catch
        {
            // Refused means not kept: neither the clip nor a History entry that no job would ever finish.
            if (saved)
                await history.DeleteAsync(userId, id, CancellationToken.None);
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Refuses an upload before its clip is copied: 503 when <see cref="JobOptions.MaxQueuedVideos"/> clips wait on all
    /// instances, 429 when this user already has <see cref="JobOptions.MaxPendingVideosPerUser"/> waiting or running.
    /// Two uploads at the same moment may both pass; the bounds keep the line short, they are not exact quotas.
    /// </summary>
    private async Task EnsureRoomAsync(string userId, CancellationToken ct)
    {
        var limits = options.Value;
        if (storage.GetMonitoringApi().EnqueuedCount(JobQueues.Video) >= limits.MaxQueuedVideos)
            throw new BusyException("Too many videos are waiting; try again in a few minutes.", QueueFullRetryAfter);
        // A finished analysis has its seconds in a column; only the rest (pending, failed, live sessions) are read.
        var unfinished = await db.Activities.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == ActivityKind.Workout && a.Seconds == null)
            .Select(a => a.Document).ToListAsync(ct);
        if (unfinished.Count(d => WorkoutJobDocument.TryRead(d) is { IsPending: true })
            >= limits.MaxPendingVideosPerUser)
            throw new BusyException(
                $"You already have {limits.MaxPendingVideosPerUser} videos waiting or being analysed; wait for one " +
                $"to finish before adding another.",
                QueueFullRetryAfter, BusyScope.User);
    }

    public async Task<WorkoutJobStatus?> GetAsync(string userId, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId && a.Kind == ActivityKind.Workout, ct);
        return activity is not null && WorkoutJobDocument.TryRead(activity.Document) is { } document
            ? WorkoutJobStatus.From(id, document)
            : null;
    }
}
