using PoseGen.Web.Services.Generation;

namespace PoseGen.Web.Contracts.Generation;

/// <summary>
/// What <c>GET /api/v1/generations/{id}</c> answers and the hub pushes. QueuePosition is 1-based, 0 when not waiting.
/// </summary>
public sealed record GenerationJobStatus(
    Guid Id, string Status, double Progress, int Step, int TotalSteps, int QueuePosition, string MapUrl,
    string? ResultUrl,
    string? PreviewUrl, string? Error, GenerationParameters Parameters);
