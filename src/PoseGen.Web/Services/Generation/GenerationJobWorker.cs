using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PoseGen.Core.Abstractions;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hubs;

namespace PoseGen.Web.Services.Generation;

/// <summary>
/// Runs queued generations one at a time (one pipeline owns the GPU), saving results to the owner's media and pushing
/// progress to the owner over SignalR. At start-up, jobs left queued or running by a previous process are queued again.
/// </summary>
public sealed partial class GenerationJobWorker(
    IServiceScopeFactory scopes, GenerationJobQueue queue, IServiceProvider services, IHubContext<GenerationHub> hub,
    IImageCodec codec, ILogger<GenerationJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeuePendingAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down at start-up; new requests still queue, and the next start picks the rest up.
            LogRequeueFailed(ex);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var (id, cancel) = await queue.DequeueAsync(stoppingToken);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancel, stoppingToken);
            try
            {
                await RunAsync(id, both.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                await RecordEndAsync(id, d => d with { Status = GenerationJobDocument.Cancelled }, "Cancelled");
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogJobFailed(id, ex);
                await RecordEndAsync(id, d => d with { Status = GenerationJobDocument.Failed, Error = "The generation failed." }, "Failed");
            }
            finally
            {
                queue.Finish(id);
            }
        }
    }

    /// <summary>
    /// Records how a job ended. A failure to record (the database down) is logged, never thrown: the worker keeps running
    /// for the next job, and this one, still pending in the database, is taken up again by the next start.
    /// </summary>
    private async Task RecordEndAsync(Guid id, Func<GenerationJobDocument, GenerationJobDocument> change, string summary)
    {
        try
        {
            await UpdateAsync(id, change, summary, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogEndNotRecorded(id, ex);
        }
    }

    private async Task RequeuePendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var jobs = await db.Activities.AsNoTracking().Where(a => a.Kind == ActivityKind.Generation)
            .OrderBy(a => a.CreatedAtUtc).Select(a => new { a.Id, a.Document }).ToListAsync(ct);
        var waiting = queue.Waiting();
        foreach (var job in jobs)
        {
            if (GenerationJobDocument.TryRead(job.Document) is not { IsPending: true } document || waiting.Contains(job.Id)) continue;
            if (document is { Status: GenerationJobDocument.Running, Attempts: >= GenerationJobDocument.MaxAttempts })
            {
                LogGaveUp(job.Id, document.Attempts);
                await UpdateAsync(job.Id, d => d with { Status = GenerationJobDocument.Failed, Error = InterruptedMessage }, "Failed", ct);
            }
            else
                queue.TryEnqueue(job.Id, force: true);
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var document = await UpdateAsync(id, d => d.IsPending
            ? d with { Status = GenerationJobDocument.Running, Step = 0, Progress = 0, Attempts = d.Attempts + 1 } : d, "Running", ct);
        if (document is not { Job.Status: GenerationJobDocument.Running, Owner: { } owner })
            return;
        var d = document.Value.Job;
        var generator = services.GetService<IPoseImageGenerator>();
        if (generator is not { Status.IsAvailable: true })
        {
            await UpdateAsync(id, x => x with { Status = GenerationJobDocument.Failed, Error = GenerationJobService.NotInstalledMessage }, "Failed", ct);
            return;
        }
        var p = d.Parameters;
        var (control, init) = await LoadImagesAsync(owner, d, ct);
        var request = new GenerationRequest(p.Prompt, p.NegativePrompt, control, p.Width, p.Height, p.Steps,
            SchedulerIds.Parse(p.Scheduler)!.Value, p.Seed, p.Guidance, p.ControlNetStrength, init, p.Strength);
        var progress = new InlineProgress(step =>
        {
            var preview = step.Preview is { } image ? codec.Encode(image, EncodeFormat.Png) : null;
            queue.ReportStep(id, step.Step, step.TotalSteps, preview);
            _ = PushAsync(owner, id, d with { Status = GenerationJobDocument.Running });
        });
        var result = await generator.GenerateAsync(request, progress, ct);

        await using var scope = scopes.CreateAsyncScope();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        var file = await media.SaveAsync(owner, codec.Encode(result.Image, EncodeFormat.Png), "image/png", CancellationToken.None);
        file.Width = result.Image.Width;
        file.Height = result.Image.Height;
        file.ActivityId = id;
        var done = d with { Status = GenerationJobDocument.Done, Progress = 1, Step = p.Steps, ResultMediaId = file.Id };
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
            db.MediaFiles.Add(file);
            var activity = await db.Activities.FirstAsync(a => a.Id == id, CancellationToken.None);
            activity.Document = JsonSerializer.Serialize(done, HistoryService.DocumentJson);
            activity.Summary = $"{p.Steps} steps, {p.Scheduler}, seed {result.Seed}, {result.Elapsed.TotalSeconds:F1} s";
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

    private async Task<(PoseGen.Core.Imaging.RgbImage Control, PoseGen.Core.Imaging.RgbImage? Init)> LoadImagesAsync(
        string owner, GenerationJobDocument d, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<HistoryService>();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        async Task<byte[]> Read(Guid mediaId)
        {
            var file = await history.GetMediaAsync(owner, mediaId, ct) ?? throw new InvalidOperationException($"Media {mediaId} is gone.");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} failed")]
    private partial void LogJobFailed(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {Id} ended but its end could not be recorded")]
    private partial void LogEndNotRecorded(Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pending generations could not be queued again at start-up")]
    private partial void LogRequeueFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {Id} was interrupted {Attempts} times by the process ending; failed, not retried")]
    private partial void LogGaveUp(Guid id, int attempts);

    public const string InterruptedMessage = "The app stopped twice while rendering this, so it was not tried again. Try fewer steps or a smaller size.";
}
