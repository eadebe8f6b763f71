using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Errors;
using PoseGen.Core.History;
using PoseGen.Core.Workouts;
using PoseGen.Data;
using PoseGen.Web.Services.Jobs;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// One clip's analysis as a Hangfire job, run by whichever instance's server fetched it (the fetch claims the job, so
/// one instance runs it), writing status and progress into the job's History document. A run the process ended is
/// queued again by Hangfire and taken up by the next server; a run that threw is retried
/// <see cref="JobQueues.Retries"/> times.
/// </summary>
public sealed partial class WorkoutAnalysisJob(
    IServiceScopeFactory scopes, VideoWorkoutAnalyzer analyzer, WorkoutVideoStore videos,
    ILogger<WorkoutAnalysisJob> logger)
{
    public const string InterruptedMessage =
        "The app stopped twice while analysing this clip, so it was not tried again. Try a shorter clip or another " +
        "file.";

    /// <summary>Progress is saved at most this often (fraction of the clip), to keep database writes few.</summary>
    private const double ProgressStep = 0.05;

    /// <param name="context">Hangfire's, passed in by the server (null when enqueued).</param>
    /// <param name="ct">Fires when this instance stops; the job is then queued again, not failed.</param>
    [Queue(JobQueues.Video)]
    [AutomaticRetry(Attempts = JobQueues.Retries, OnAttemptsExceeded = AttemptsExceededAction.Fail,
        DelaysInSeconds = [JobQueues.FirstRetryDelaySeconds, JobQueues.SecondRetryDelaySeconds])]
    public async Task RunAsync(Guid id, PerformContext? context, CancellationToken ct)
    {
        var retries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        try
        {
            await AnalyseAsync(id, retries, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogJobFailed(id, retries, ex);
            if (ex is VideoDecodeException)
            {
                // The file itself is unreadable: another try would read the same bytes.
                await MarkFailedAsync(id, ex.Message);
                return;
            }
            if (retries >= JobQueues.Retries)
                await MarkFailedAsync(id, "The analysis failed.");
            throw;
        }
    }

    private async Task AnalyseAsync(Guid id, int retries, CancellationToken ct)
    {
        var stored = await ReadAsync(id, ct);
        if (stored is not { IsPending: true })
            return;
        // Attempts counts the runs started and Hangfire's RetryCount those that ended by throwing, so the difference is
        // the runs that the process ended: a clip that crashes the app must not crash it at every start.
        if (stored is { Status: WorkoutJobDocument.Running } && stored.Attempts - retries
            >= WorkoutJobDocument.MaxAttempts)
        {
            LogGaveUp(id, stored.Attempts);
            await MarkFailedAsync(id, InterruptedMessage);
            return;
        }
        var document = await UpdateAsync(id, d => d with { Status = WorkoutJobDocument.Running, Progress = 0,
            Stage = AnalysisProgress.Reading, Attempts = d.Attempts + 1 }, null, ct);
        if (document?.VideoFile is null)
            return;
        var path = videos.PathOf(document.VideoFile);
        var saved = new AnalysisProgress(0, AnalysisProgress.Reading);
        var pending = Task.CompletedTask;
        // Reported synchronously from the analysis loop; saves are chained so at most one runs at a time and in order.
        // A new pass (the clip tried turned a quarter) is saved at once, its progress starting again from 0.
        var progress = new InlineProgress<AnalysisProgress>(p =>
        {
            if (p.Stage == saved.Stage && (p.Fraction - saved.Fraction < ProgressStep || p.Fraction >= 1))
                return;
            saved = p;
            pending = pending.ContinueWith(_ => UpdateAsync(id, d => d with { Progress = Math.Round(p.Fraction, 3),
                Stage = p.Stage }, null, ct), ct, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        });
        VideoWorkoutResult result;
        try
        {
            var exercise = document.Exercise == WorkoutJobService.Auto ? null
                : ExerciseCatalog.Default.Get(document.Exercise);
            result = await analyzer.AnalyzeAsync(path, exercise, PoseModelKind.Lightning, progress, ct);
        }
        finally
        {
            // A progress save still in flight must not land after the final status and overwrite it.
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var summary = result.Exercise == "none"
            ? $"No repeated exercise recognised in {result.DurationS:F0} s"
            : $"{ExerciseCatalog.Default.Get(result.Exercise).Name}: {result.Reps} good, {result.ImproperReps} " +
            $"improper reps in {result.DurationS:F0} s";
        await UpdateAsync(id, d => d with { Status = WorkoutJobDocument.Done, Progress = 1, Result = result,
            VideoFile = null }, summary, ct,
            new ActivityFigures(result.Exercise == "none" ? null : result.Exercise, result.Reps, result.ImproperReps,
                Seconds: result.DurationS));
        File.Delete(path);
    }

    /// <summary>
    /// Records the failure and deletes the clip; a failure to record (database down) is logged, never thrown.
    /// </summary>
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

    private async Task<WorkoutJobDocument?> ReadAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var json = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Document)
            .FirstOrDefaultAsync(ct);
        return json is null ? null : WorkoutJobDocument.TryRead(json);
    }

    private async Task<WorkoutJobDocument?> UpdateAsync(
        Guid id, Func<WorkoutJobDocument, WorkoutJobDocument> change, string? summary, CancellationToken ct,
        ActivityFigures? figures = null)
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

    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workout video analysis {Id} failed (after {Retries} retries)")]
    private partial void LogJobFailed(Guid id, int retries, Exception exception);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Workout video analysis {Id} failed and the failure could not be recorded")]
    private partial void LogFailureNotRecorded(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Workout video analysis {Id} was interrupted {Attempts} times by the process ending; failed, not " +
            "retried")]
    private partial void LogGaveUp(Guid id, int attempts);
}
