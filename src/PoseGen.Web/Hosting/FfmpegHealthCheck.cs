using Microsoft.Extensions.Diagnostics.HealthChecks;
using PoseGen.Inference.Video;

namespace PoseGen.Web.Hosting;

/// <summary>
/// ffmpeg for workout videos: its version, or Degraded (everything but video analysis works) when it is missing.
/// Finding out starts an ffmpeg process, about 100 ms of loading its libraries on an idle machine and several times
/// that while the models keep the cores busy, yet /health must answer at once (load balancers and monitors read it
/// every few seconds, busiest when the app is). So one process per <see cref="RecheckAfter"/>: the first read waits for
/// it, later reads get the last answer at once, and a read after that time starts a new look in the background.
/// A singleton, so the answer outlives one health report.
/// </summary>
public sealed class FfmpegHealthCheck(FfmpegFrameSource frames, TimeProvider time) : IHealthCheck
{
    /// <summary>
    /// How long an answer stands: ffmpeg is installed or removed by an administrator, not from minute to minute.
    /// </summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private HealthCheckResult? _latest;
    private Task<HealthCheckResult>? _looking;
    private DateTimeOffset _lookedAt;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> answer;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_looking is null || (_looking.IsCompleted && now - _lookedAt >= RecheckAfter))
            {
                _lookedAt = now;
                // Off the caller's thread and token: the process start is not made under the lock, and a reader that
                // leaves does not cancel the look the others share.
                _looking = Task.Run(LookAsync, CancellationToken.None);
            }
            answer = _latest is { } known ? Task.FromResult(known) : _looking;
        }
        return answer.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> LookAsync()
    {
        var result = await frames.VersionAsync(CancellationToken.None) is { } version
            ? HealthCheckResult.Healthy($"ffmpeg {version}", new Dictionary<string, object> { ["version"] = version })
            : HealthCheckResult.Degraded(
                "ffmpeg is not installed: video analysis is unavailable (apt-get install ffmpeg)");
        lock (_gate)
            _latest = result;
        return result;
    }
}
