using Microsoft.Extensions.Diagnostics.HealthChecks;
using PoseGen.Inference.Video;

namespace PoseGen.Web.Hosting;

/// <summary>ffmpeg for workout videos: its version, or Degraded (everything but video analysis works) when it is missing.</summary>
public sealed class FfmpegHealthCheck(FfmpegFrameSource frames) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await frames.VersionAsync(cancellationToken) is { } version
            ? HealthCheckResult.Healthy($"ffmpeg {version}", new Dictionary<string, object> { ["version"] = version })
            : HealthCheckResult.Degraded("ffmpeg is not installed: video analysis is unavailable (apt-get install ffmpeg)");
}
