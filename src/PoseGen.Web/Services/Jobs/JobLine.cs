using Hangfire;
using Hangfire.States;

namespace PoseGen.Web.Services.Jobs;

/// <summary>
/// A Hangfire queue as the app sees it: each job carries its History entry's id as its first argument, so the line's
/// order and a job's Hangfire id are found from the store that every instance shares.
/// </summary>
public sealed class JobLine(JobStorage storage, IBackgroundJobClient jobs)
{
    /// <summary>History ids waiting in <paramref name="queue"/>, the next to run first, from its first
    /// <paramref name="scan"/>
    /// entries (a cancelled job's entry stays there, not waiting, until a server skips it).</summary>
    public IReadOnlyList<Guid> Waiting(string queue, int scan) =>
        [.. storage.GetMonitoringApi().EnqueuedJobs(queue, 0, scan)
            .Where(j => IsWaiting(j.Value) && j.Value.Job?.Args.FirstOrDefault() is Guid)
            .Select(j => (Guid)j.Value.Job.Args[0])];

    /// <summary>
    /// Deletes the job of History entry <paramref name="id"/>, waiting or running. A waiting one is never run; a
    /// running one's cancellation token fires on whichever instance runs it, at that server's next check
    /// (Jobs:PollSeconds).
    /// </summary>
    public void Delete(string queue, Guid id, int scan)
    {
        var monitoring = storage.GetMonitoringApi();
        var waiting = monitoring.EnqueuedJobs(queue, 0, scan).Where(j => IsWaiting(j.Value))
            .Select(j => (j.Key, j.Value.Job));
        var running = monitoring.ProcessingJobs(0, scan).Where(j => j.Value is { InProcessingState: true })
            .Select(j => (j.Key, j.Value.Job));
        foreach (var (jobId, _) in waiting.Concat(running).Where(j => j.Job?.Args.FirstOrDefault() is Guid g
            && g == id))
            jobs.Delete(jobId);
    }

    // The SQLite store leaves InEnqueuedState at its default (true) and fills in only the state's name.
    private static bool IsWaiting(Hangfire.Storage.Monitoring.EnqueuedJobDto? job) =>
        job is { InEnqueuedState: true } && (job.State is null || job.State == EnqueuedState.StateName);
}
