using System.Text.Json;
using PoseGen.Core.Abstractions;

namespace PoseGen.Web.Services.Generation;

/// <summary>
/// What a generation was asked to do, as stored and as the API echoes it. Scheduler is an API id (euler-a ...).
/// </summary>
public sealed record GenerationParameters(
    string Prompt, string NegativePrompt, int Steps, string Scheduler, long Seed, float Guidance,
    float ControlNetStrength,
    int Width, int Height, Guid? InitMediaId, float Strength, string Source);

/// <summary>
/// The History document of a generation (ActivityKind.Generation), rewritten as the job moves on so it survives a
/// restart. <see cref="Keypoints"/> is the OpenPose BODY_18 pose as 54 numbers (x, y, score per joint) in output
/// pixels. <see cref="Attempts"/> counts the runs started; those that Hangfire did not retry after an exception were
/// ended by the process, and after <see cref="MaxAttempts"/> such runs the job is failed rather than tried again.
/// </summary>
public sealed record GenerationJobDocument(
    string Status, double Progress, int Step, GenerationParameters Parameters, float[] Keypoints,
    Guid MapMediaId, Guid? ResultMediaId, string? Error, int Attempts = 0)
{
    public const int MaxAttempts = 2;
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public bool IsPending => Status is Queued or Running;

    public static GenerationJobDocument? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GenerationJobDocument>(json, HistoryService.DocumentJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public static class SchedulerIds
{
    public static readonly IReadOnlyList<string> All = ["euler-a", "dpmpp-2m-karras", "ddim", "lcm"];

    public static DiffusionSchedulerKind? Parse(string? id) => id?.Trim().ToLowerInvariant() switch
    {
        "euler-a" => DiffusionSchedulerKind.EulerAncestral,
        "dpmpp-2m-karras" => DiffusionSchedulerKind.DpmPlusPlus2MKarras,
        "ddim" => DiffusionSchedulerKind.Ddim,
        "lcm" => DiffusionSchedulerKind.Lcm,
        _ => null,
    };
}
