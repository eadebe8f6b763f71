using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PoseGen.Core.Abstractions;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hubs;
using PoseGen.Web.Services.Jobs;

namespace PoseGen.Web.Services.Generation;

/// <summary>
/// One render as a Hangfire job, run by whichever instance's server fetched it, saving the result to the owner's media
/// and pushing progress to the owner over SignalR. A run the process ended is queued again by Hangfire; a run that
/// threw is retried <see cref="JobQueues.Retries"/> times; a cancel (the row marked cancelled, the job deleted in
/// Hangfire) stops it between steps.
/// </summary>
public sealed partial class GenerationJob(
    IServiceScopeFactory scopes, GenerationLive live, IServiceProvider services, IHubContext<GenerationHub> hub,
    IImageCodec codec, IHostApplicationLifetime lifetime, ILogger<GenerationJob> logger)
{
    public const string InterruptedMessage =
        "The app stopped twice while rendering this, so it was not tried again. Try fewer steps or a smaller size.";

    /// <param name="context">Hangfire's, passed in by the server (null when enqueued).</param>
    /// <param name="ct">Fires when this instance stops (the job is then queued again) or the job is deleted
    /// (cancelled).</param>
    [Queue(JobQueues.Generation)]
    [AutomaticRetry(Attempts = JobQueues.Retries, OnAttemptsExceeded = AttemptsExceededAction.Fail,
        DelaysInSeconds = [JobQueues.FirstRetryDelaySeconds, JobQueues.SecondRetryDelaySeconds])]
    public async Task RunAsync(Guid id, PerformContext? context, CancellationToken ct)
    {
        var retries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        var cancel = live.Start(id, ct);
        try
        {
            await RenderAsync(id, retries, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested
            && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Cancelled by its owner (the row already says so) or deleted on the dashboard (it says so now).
            await UpdateAsync(id, d => d.IsPending ? d with { Status = GenerationJobDocument.Cancelled } : d,
                "Cancelled", CancellationToken.None);
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested)
        {
            LogJobFailed(id, retries, ex);
            if (retries >= JobQueues.Retries)
                await RecordFailureAsync(id, d => d with { Status = GenerationJobDocument.Failed,
                    Error = "The generation failed." });
            throw;
        }
        finally
        {
            live.Finish(id);
        }
    }

    private async Task RenderAsync(Guid id, int retries, CancellationToken ct)
    {
        var stored = await UpdateAsync(id, d => d, "", ct);
        if (stored is not { Job.IsPending: true })
            return;
        // Attempts counts the runs started and Hangfire's RetryCount those that ended by throwing, so the difference is
        // the runs that the process ended: a render that crashes the app must not crash it at every start.
        if (stored.Value.Job is { Status: GenerationJobDocument.Running } j
            && j.Attempts - retries >= GenerationJobDocument.MaxAttempts)
        {
            LogGaveUp(id, j.Attempts);
            await UpdateAsync(id, d => d with { Status = GenerationJobDocument.Failed, Error = InterruptedMessage },
                "Failed", ct);
            return;
        }
        var document = await UpdateAsync(id, d => d.IsPending
            ? d with { Status = GenerationJobDocument.Running, Step = 0, Progress = 0, Attempts = d.Attempts + 1 } : d,
            "Running", ct);
        if (document is not { Job.Status: GenerationJobDocument.Running, Owner: { } owner })
            return;
        var d = document.Value.Job;
        var generator = services.GetService<IPoseImageGenerator>();
        if (generator is not { Status.IsAvailable: true })
        {
            await UpdateAsync(id, x => x with { Status = GenerationJobDocument.Failed,
                Error = GenerationJobService.NotInstalledMessage }, "Failed", ct);
            return;
        }
        var p = d.Parameters;
        var (control, init) = await LoadImagesAsync(owner, d, ct);
        var request = new GenerationRequest(p.Prompt, p.NegativePrompt, control, p.Width, p.Height, p.Steps,
            SchedulerIds.Parse(p.Scheduler)!.Value, p.Seed, p.Guidance, p.ControlNetStrength, init, p.Strength);
        var progress = new InlineProgress(step =>
        {
            var preview = step.Preview is { } image ? codec.Encode(image, EncodeFormat.Png) : null;
            live.ReportStep(id, step.Step, step.TotalSteps, preview);
            _ = PushAsync(owner, id, d with { Status = GenerationJobDocument.Running });
        });
        var result = await generator.GenerateAsync(request, progress, ct);
        await SaveResultAsync(id, owner, d, result);
    }

    private async Task SaveResultAsync(Guid id, string owner, GenerationJobDocument d, GenerationResult result)
    {
        var p = d.Parameters;
        await using var scope = scopes.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        var file = await media.SaveAsync(owner, codec.Encode(result.Image, EncodeFormat.Png), "image/png",
            CancellationToken.None);
        file.Width = result.Image.Width;
        file.Height = result.Image.Height;
        file.ActivityId = id;
        var done = d with { Status = GenerationJobDocument.Done, Progress = 1, Step = p.Steps,
            ResultMediaId = file.Id };
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            var activity = await db.Activities.FirstAsync(a => a.Id == id, CancellationToken.None);
            if (GenerationJobDocument.TryRead(activity.Document) is not { Status: GenerationJobDocument.Running })
            {
                // Cancelled (on another instance, say) while the last step ran: the cancel stands and the picture goes.
                media.Delete(file);
                return;
            }
            db.MediaFiles.Add(file);
            activity.Document = JsonSerializer.Serialize(done, HistoryService.DocumentJson);
            activity.Summary =
                $"{p.Steps} steps, {p.Scheduler}, seed {result.Seed}, {result.Elapsed.TotalSeconds:F1} s";
            activity.ThumbnailId = file.Id;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // No row names the picture (the database down, the entry deleted meanwhile): it must not stay behind.
            media.Delete(file);
            throw;
        }
        await PushAsync(owner, id, done);
    }

    /// <summary>Records how a job ended; a failure to record (the database down) is logged, never thrown.</summary>
    private async Task RecordFailureAsync(Guid id, Func<GenerationJobDocument, GenerationJobDocument> change)
    {
        try
        {
            await UpdateAsync(id, change, "Failed", CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogEndNotRecorded(id, ex);
        }
    }

    private async Task<(PoseGen.Core.Imaging.RgbImage Control, PoseGen.Core.Imaging.RgbImage? Init)> LoadImagesAsync(
        string owner, GenerationJobDocument d, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        async Task<byte[]> Read(Guid mediaId)
        {
            var file = await history.GetMediaAsync(owner, mediaId, ct)
                ?? throw new InvalidOperationException($"Media {mediaId} is gone.");
            return await File.ReadAllBytesAsync(media.FullPath(file), ct);
        }
        var control = codec.Decode(await Read(d.MapMediaId));
        var init = d.Parameters.InitMediaId is { } initId
            ? codec.Resize(codec.Decode(await Read(initId)), d.Parameters.Width, d.Parameters.Height)
            : null;
        return (control, init);
    }

    private async Task PushAsync(string owner, Guid id, GenerationJobDocument d)
    {
        await using var scope = scopes.CreateAsyncScope();
        var status = scope.ServiceProvider.GetRequiredService<GenerationJobService>().Status(id, d);
        await hub.Clients.User(owner).SendAsync("generation", status);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the row's document; writes and pushes only when it changed it.
    /// </summary>
    private async Task<(GenerationJobDocument Job, string? Owner)?> UpdateAsync(
        Guid id, Func<GenerationJobDocument, GenerationJobDocument> change, string summary, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || GenerationJobDocument.TryRead(activity.Document) is not { } document)
            return null;
        var next = change(document);
        if (next != document)
        {
            activity.Document = JsonSerializer.Serialize(next, HistoryService.DocumentJson);
            activity.Summary = summary;
            await db.SaveChangesAsync(ct);
            await PushAsync(activity.UserId, id, next);
        }
        return (next, activity.UserId);
    }

    private sealed class InlineProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} failed (after {Retries} retries)")]
    private partial void LogJobFailed(Guid id, int retries, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {Id} ended but its end could not be recorded")]
    private partial void LogEndNotRecorded(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Generation {Id} was interrupted {Attempts} times by the process ending; failed, not retried")]
    private partial void LogGaveUp(Guid id, int attempts);
}
