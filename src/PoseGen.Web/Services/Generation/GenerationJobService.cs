using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation;
using PoseGen.Core.History;
using PoseGen.Data;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hubs;
using PoseGen.Core.Errors;
using PoseGen.Web.Services.Jobs;
using PoseGen.Web.Contracts.Generation;

namespace PoseGen.Web.Services.Generation;

/// <summary>
/// Accepts generation requests as queued jobs (Hangfire's <see cref="JobQueues.Generation"/> queue), reads and cancels
/// them, always scoped to the owner. The line is bounded by <c>Generation:MaxQueue</c>, and each user's share of it by
/// <c>Generation:MaxQueuedPerUser</c> so that one account cannot fill the line for everyone.
/// </summary>
public sealed class GenerationJobService(
    IServiceProvider services, GenerationPoseResolver poses, HistoryService history, MediaStore media,
    PoseGenDbContext db,
    JobLine line, GenerationLive live, IBackgroundJobClient jobs, IOptions<GenerationQueueOptions> options,
    IImageCodec codec,
    IHubContext<GenerationHub> hub)
{
    public const string NotInstalledMessage =
        "Image generation is not installed: the Stable Diffusion 1.5 and ControlNet OpenPose ONNX models are missing. "
            +
        "On a machine with internet access run scripts/fetch-models, which downloads them into models/ and writes the "
        +
        "manifest (see models/README.md), then restart PoseGen.";

    // A guess, not a measurement: about one render's time on a GPU (models/README.md's expectations).
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Entries read past the line's bound: cancelled jobs' entries stay in the queue until a server skips them.
    /// </summary>
    private const int WaitingScanSlack = 64;

    /// <summary>
    /// The generator's state; a missing registration means the pipeline is not part of this build or not installed.
    /// </summary>
    public GeneratorStatus GeneratorStatus() =>
        services.GetService<IPoseImageGenerator>()?.Status ?? new GeneratorStatus(false, null, null);

    /// <summary>
    /// One message for the user: "not installed" with how to install, or what is wrong with installed models.
    /// </summary>
    public string? UnavailableMessage() => GeneratorStatus() is { IsAvailable: false } s
        ? (s.Installed && s.Message is { Length: > 0 } m ? m : NotInstalledMessage)
        : null;

    /// <summary>
    /// The pose a request describes, as 54 OpenPose numbers in output pixels (what the page's editor starts from).
    /// </summary>
    public async Task<float[]> KeypointsAsync(string userId, GenerationRequestDto request, CancellationToken ct)
    {
        var (width, height) = Size(request);
        return GenerationPoseResolver.ToFlat((await poses.ResolveAsync(userId, request, width, height, ct)).Joints);
    }

    public async Task<byte[]> RenderMapAsync(string userId, GenerationRequestDto request, CancellationToken ct)
    {
        var (width, height) = Size(request);
        var (joints, _) = await poses.ResolveAsync(userId, request, width, height, ct);
        return codec.Encode(OpenPoseMapRenderer.Render(width, height, joints), EncodeFormat.Png);
    }

    public async Task<Guid> EnqueueAsync(string userId, GenerationRequestDto r, CancellationToken ct)
    {
        var parameters = await ValidateAsync(userId, r, ct);
        if (UnavailableMessage() is { } unavailable)
            throw new UnavailableException(unavailable);
        var waiting = await EnsureRoomAsync(userId, ct);
        var (joints, source) = await poses.ResolveAsync(userId, r, parameters.Width, parameters.Height, ct);
        parameters = parameters with { Source = source };

        var id = Guid.NewGuid();
        var mapPng = codec.Encode(OpenPoseMapRenderer.Render(parameters.Width, parameters.Height, joints),
            EncodeFormat.Png);
        var map = await media.SaveAsync(userId, mapPng, "image/png", ct);
        map.Width = parameters.Width;
        map.Height = parameters.Height;
        var document = new GenerationJobDocument(GenerationJobDocument.Queued, 0, 0, parameters,
            GenerationPoseResolver.ToFlat(joints), map.Id, null, null);
        await history.AddAsync(userId, ActivityKind.Generation, $"Render: {source}", "Queued", document, [map], map.Id,
            ct, id);
        try
        {
            // "queued" goes out before the job joins the line, so it reaches the owner before the job's "running" can.
            await hub.Clients.User(userId).SendAsync("generation",
                Status(id, document) with { QueuePosition = waiting + 1 }, ct);
            jobs.Enqueue<GenerationJob>(job => job.RunAsync(id, null, CancellationToken.None));
        }
        catch
        {
            // Not queued means not kept: no History entry (nor its map) that no job would ever finish.
            await history.DeleteAsync(userId, id, CancellationToken.None);
            throw;
        }
        return id;
    }

    /// <summary>
    /// Refuses a request before anything is kept: 503 when the line is full, 429 when this user already has their share
    /// waiting. Answers how many wait. Two requests at the same moment may both pass; the bounds keep the line short,
    /// they are not exact quotas.
    /// </summary>
    private async Task<int> EnsureRoomAsync(string userId, CancellationToken ct)
    {
        var limits = options.Value;
        var waiting = Waiting();
        if (waiting.Count >= limits.MaxQueue)
            throw new BusyException("The generator is busy; try again later.", BusyRetryAfter);
        // Only the user's entries still pending are read (their summary says so; the document decides).
        var pending = await db.Activities.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == ActivityKind.Generation
                && (a.Summary == "Queued" || a.Summary == "Running"))
            .Select(a => a.Document).ToListAsync(ct);
        if (pending.Count(d => GenerationJobDocument.TryRead(d) is { Status: GenerationJobDocument.Queued })
            >= limits.MaxQueuedPerUser)
            throw new BusyException(
                $"You already have {limits.MaxQueuedPerUser} renders waiting; wait for one to start (or cancel one) " +
                $"before adding another.",
                BusyRetryAfter, BusyScope.User);
        return waiting.Count;
    }

    /// <summary>
    /// Renders waiting on all instances, the next first (read past the line's bound, where cancelled entries linger).
    /// </summary>
    private IReadOnlyList<Guid> Waiting() => line.Waiting(JobQueues.Generation,
        options.Value.MaxQueue + WaitingScanSlack);

    public async Task<GenerationJobStatus?> GetAsync(string userId, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId && a.Kind == ActivityKind.Generation, ct);
        return activity is not null && GenerationJobDocument.TryRead(activity.Document) is { } d ? Status(id, d) : null;
    }

    /// <summary>A job's status; a running job's live step and preview are known on the instance running it.</summary>
    public GenerationJobStatus Status(Guid id, GenerationJobDocument d)
    {
        var running = d.Status == GenerationJobDocument.Running ? live.Live(id) : null;
        var total = running?.Total ?? d.Parameters.Steps;
        var step = running?.Step ?? d.Step;
        var progress = running is { } l && l.Total > 0 ? Math.Round((double)l.Step / l.Total, 3) : d.Progress;
        var position = d.Status == GenerationJobDocument.Queued ? Waiting().ToList().IndexOf(id) + 1 : 0;
        return new GenerationJobStatus(id, d.Status, progress, step, total, position,
            $"/media/{d.MapMediaId}", d.ResultMediaId is { } r ? $"/media/{r}" : null,
            running?.Preview is not null ? $"/api/v1/generations/{id}/preview.png" : null, d.Error, d.Parameters);
    }

    /// <summary>The running job's latest preview PNG, owner only, when it runs on this instance.</summary>
    public async Task<byte[]?> PreviewAsync(string userId, Guid id, CancellationToken ct) =>
        await GetAsync(userId, id, ct) is not null ? live.Live(id)?.Preview : null;

    /// <summary>
    /// Cancels a queued or running job; false when the id is not the user's. A finished job stays as it is.
    /// </summary>
    public async Task<GenerationJobStatus?> CancelAsync(string userId, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId
            && a.Kind == ActivityKind.Generation, ct);
        if (activity is null || GenerationJobDocument.TryRead(activity.Document) is not { } d)
            return null;
        if (!d.IsPending)
            return Status(id, d);
        var cancelled = d with { Status = GenerationJobDocument.Cancelled };
        activity.Document = System.Text.Json.JsonSerializer.Serialize(cancelled, HistoryService.DocumentJson);
        activity.Summary = "Cancelled";
        await db.SaveChangesAsync(ct);
        // Running here, it stops at once; waiting, it is never run; running on another instance, that instance's job
        // server sees the job deleted at its next check and stops it. A render that ends meanwhile keeps no picture.
        if (!live.TryCancel(id))
            line.Delete(JobQueues.Generation, id, options.Value.MaxQueue + WaitingScanSlack);
        return Status(id, cancelled);
    }

    private static (int Width, int Height) Size(GenerationRequestDto r)
    {
        var (w, h) = (r.Width ?? 512, r.Height ?? 512);
        if ((w, h) is not ((512, 512) or (512, 768)))
            throw new InvalidInputException("width x height must be 512x512 or 512x768 (portrait).");
        return (w, h);
    }

    private async Task<GenerationParameters> ValidateAsync(string userId, GenerationRequestDto r, CancellationToken ct)
    {
        static InvalidInputException Bad(string m) => new(m);
        var (width, height) = Size(r);
        var prompt = r.Prompt?.Trim();
        if (string.IsNullOrEmpty(prompt) || prompt.Length > 1000)
            throw Bad("prompt is required (at most 1000 characters).");
        if (r.NegativePrompt?.Length > 1000)
            throw Bad("negativePrompt may hold at most 1000 characters.");
        var scheduler = r.Scheduler ?? "dpmpp-2m-karras";
        if (SchedulerIds.Parse(scheduler) is null)
            throw Bad("scheduler must be one of: " + string.Join(", ", SchedulerIds.All) + ".");
        var steps = r.Steps ?? (SchedulerIds.Parse(scheduler) == DiffusionSchedulerKind.Lcm ? 4 : 30);
        if (steps is < 1 or > 100)
            throw Bad("steps must be between 1 and 100.");
        var guidance = r.Guidance ?? 7.5f;
        if (!float.IsFinite(guidance) || guidance is < 1 or > 30)
            throw Bad("guidance must be between 1 and 30.");
        var control = r.ControlNetStrength ?? 1f;
        if (!float.IsFinite(control) || control is < 0 or > 2)
            throw Bad("controlNetStrength must be between 0 and 2.");
        var strength = r.Strength ?? 0.75f;
        if (!float.IsFinite(strength) || strength is <= 0 or > 1)
            throw Bad("strength must be in (0, 1].");
        Guid? init = null;
        if (r.InitAnalysisId is { } analysisId)
        {
            var activity = await history.GetAsync(userId, analysisId, ct);
            if (activity is not { Kind: ActivityKind.Analysis } || activity.Media.FirstOrDefault() is not { } photo)
                throw new NotFoundException("That photo analysis does not exist in your history.");
            init = photo.Id;
        }
        var seed = r.Seed ?? Random.Shared.NextInt64(0, uint.MaxValue);
        return new GenerationParameters(prompt, r.NegativePrompt?.Trim() ?? "", steps,
            scheduler.Trim().ToLowerInvariant(), seed,
            guidance, control, width, height, init, strength, "");
    }
}
