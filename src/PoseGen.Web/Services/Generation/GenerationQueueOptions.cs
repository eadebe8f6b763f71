using System.ComponentModel.DataAnnotations;

namespace PoseGen.Web.Services.Generation;

/// <summary>Section <c>Generation</c>: how long the render line may get, and each user's share of it.</summary>
public sealed class GenerationQueueOptions
{
    public const string Section = "Generation";

    /// <summary>
    /// Renders waiting in the line on all instances (running ones not counted); the next gets 503 with Retry-After.
    /// </summary>
    [Range(1, 1000)]
    public int MaxQueue { get; set; } = 8;

    /// <summary>Renders one user may have waiting: two, a quarter of the default line; the next gets 429.</summary>
    [Range(1, 100)]
    public int MaxQueuedPerUser { get; set; } = 2;
}
