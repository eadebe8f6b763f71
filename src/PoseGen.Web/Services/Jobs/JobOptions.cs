using System.ComponentModel.DataAnnotations;

namespace PoseGen.Web.Services.Jobs;

/// <summary>
/// Section <c>Jobs</c>: the background-job server (Hangfire) of this instance, its dashboard, and the video line.
/// </summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this instance runs jobs; off, it only accepts them (another instance on the same database runs them).
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Jobs this instance runs at once, taken in <see cref="JobQueues.ByPriority"/> order. One by default: a
    /// render owns the GPU and a clip the detector, so a second job at once would only share them.</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 1;

    /// <summary>
    /// How often waiting retries are looked for, and how often a running job's cancellation is checked.
    /// </summary>
    [Range(1, 60)]
    public int PollSeconds { get; set; } = 2;

    /// <summary>
    /// Emails of the accounts that may open the jobs dashboard at <c>/admin/jobs</c>; empty is nobody.
    /// </summary>
    public string[] Administrators { get; set; } = [];

    /// <summary>Clips waiting for analysis on all instances; the next upload gets 503 with Retry-After.</summary>
    [Range(1, 10000)]
    public int MaxQueuedVideos { get; set; } = 32;

    /// <summary>Clips one user may have waiting or running; the next upload gets 429.</summary>
    [Range(1, 100)]
    public int MaxPendingVideosPerUser { get; set; } = 4;
}
