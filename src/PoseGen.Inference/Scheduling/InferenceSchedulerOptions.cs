using System.ComponentModel.DataAnnotations;

namespace PoseGen.Inference.Scheduling;

/// <summary>
/// Configuration section <c>Inference:Scheduler</c>: how many model runs at once, and how long a request may wait.
/// </summary>
public sealed class InferenceSchedulerOptions
{
    public const string SectionName = "Inference:Scheduler";

    /// <summary>
    /// Worker threads running models; 0 is one per logical core (<see cref="Environment.ProcessorCount"/>).
    /// </summary>
    [Range(0, 256)]
    public int Workers { get; set; }

    /// <summary>
    /// Interactive requests allowed to wait for a worker, beyond those a free worker is about to take; the next one is
    /// refused at once (busy). Background work (video analysis) is not counted: its own job queue bounds it.
    /// </summary>
    [Range(0, 10_000)]
    public int QueueLength { get; set; } = 32;

    /// <summary>
    /// The longest an interactive request waits for a worker before it is refused (busy), in seconds.
    /// </summary>
    [Range(0.001, 600)]
    public double QueueTimeoutSeconds { get; set; } = 10;

    /// <summary>What a refused caller is told to wait before trying again, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount);
}
