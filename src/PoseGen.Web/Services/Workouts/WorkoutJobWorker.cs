using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PoseGen.Core.Abstractions;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Data;
using PoseGen.Inference.Video;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// Runs queued video analyses one at a time (each uses the whole detector), writing status and progress into the job's
/// History document. At start-up, jobs left queued or running by a previous process are queued again.
/// </summary>
public sealed partial class WorkoutJobWorker(
    IServiceScopeFactory scopes, WorkoutJobQueue queue, VideoWorkoutAnalyzer analyzer, WorkoutVideoStore videos,
    ILogger<WorkoutJobWorker> logger) : BackgroundService
{
    /// <summary>Progress is saved at most this often (fraction of the clip), to keep database writes few.</summary>
    private const double ProgressStep = 0.05;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeuePendingAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down at start-up; new uploads still queue, and the next start picks the rest up.
            LogRequeueFailed(ex);
        }
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogJobFailed(id, ex);
                await MarkFailedAsync(id, ex is VideoDecodeException ? ex.Message : "The analysis failed.");
            }
        }
    }

    /// <summary>Records the failure and deletes the clip; a failure to record (database down) is logged, never thrown, so
    /// the worker keeps running for the next job.</summary>
    private async Task MarkFailedAsync(Guid id, string message)
    {
        try
        {
            string? video = null;
            await UpdateAsync(id, d =>
            {
                video = d.VideoFile;
                return d with { Status = WorkoutJobDocument.Failed, Error = message, VideoFile = null };
            }, "Analysis failed", CancellationToken.None);
            videos.Delete(video);
        }
        catch (Exception ex)
        {
            LogFailureNotRecorded(id, ex);
        }
    }

    private async Task RequeuePendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var workouts = await db.Activities.AsNoTracking().Where(a => a.Kind == ActivityKind.Workout)
            .OrderBy(a => a.CreatedAtUtc).Select(a => new { a.Id, a.Document }).ToListAsync(ct);
        foreach (var job in workouts)
        {
            if (WorkoutJobDocument.TryRead(job.Document) is not { IsPending: true } document) continue;
            if (document is { Status: WorkoutJobDocument.Running, Attempts: >= WorkoutJobDocument.MaxAttempts })
            {
                LogGaveUp(job.Id, document.Attempts);
                await MarkFailedAsync(job.Id,
                    "The app stopped twice while analysing this clip, so it was not tried again. Try a shorter clip or another file.");
            }
            else
                queue.TryEnqueue(job.Id, force: true);
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var document = await UpdateAsync(id, d => d with { Status = WorkoutJobDocument.Running, Progress = 0, Attempts = d.Attempts + 1 }, null, ct);
        if (document?.VideoFile is null)
            return;
        var path = videos.PathOf(document.VideoFile);
        var saved = 0.0;
        var pending = Task.CompletedTask;
        // Reported synchronously from the analysis loop; saves are chained so at most one runs at a time and in order.
        var progress = new InlineProgress(p =>
        {
            if (p - saved < ProgressStep || p >= 1)
                return;
            saved = p;
            pending = pending.ContinueWith(_ => UpdateAsync(id, d => d with { Progress = Math.Round(p, 3) }, null, ct),
                ct, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        });
        VideoWorkoutResult result;
        try
        {
            var exercise = document.Exercise == WorkoutJobService.Auto ? null : ExerciseCatalog.Default.Get(document.Exercise);
            result = await analyzer.AnalyzeAsync(path, exercise, PoseModelKind.Lightning, progress, ct);
        }
        finally
        {
            // A progress save still in flight must not land after the final status and overwrite it.
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var summary = result.Exercise == "none"
            ? $"No repeated exercise recognised in {result.DurationS:F0} s"
            : $"{ExerciseCatalog.Default.Get(result.Exercise).Name}: {result.Reps} good, {result.ImproperReps} improper reps in {result.DurationS:F0} s";
        await UpdateAsync(id, d => d with { Status = WorkoutJobDocument.Done, Progress = 1, Result = result, VideoFile = null }, summary, ct,
            new ActivityFigures(result.Exercise == "none" ? null : result.Exercise, result.Reps, result.ImproperReps, Seconds: result.DurationS));
        File.Delete(path);
    }

    private async Task<WorkoutJobDocument?> UpdateAsync(
        Guid id, Func<WorkoutJobDocument, WorkoutJobDocument> change, string? summary, CancellationToken ct, ActivityFigures? figures = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || WorkoutJobDocument.TryRead(activity.Document) is not { } document)
            return null;
        var next = change(document);
        activity.Document = JsonSerializer.Serialize(next, HistoryService.DocumentJson);
        if (summary is not null)
            activity.Summary = summary;
        if (figures is not null)
            activity.SetFigures(figures);
        await db.SaveChangesAsync(ct);
        return next;
    }

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workout video analysis {Id} failed")]
    private partial void LogJobFailed(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workout video analysis {Id} failed and the failure could not be recorded")]
    private partial void LogFailureNotRecorded(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workout video analysis {Id} was interrupted {Attempts} times by the process ending; failed, not retried")]
    private partial void LogGaveUp(Guid id, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pending workout videos could not be queued again at start-up")]
    private partial void LogRequeueFailed(Exception exception);
}
