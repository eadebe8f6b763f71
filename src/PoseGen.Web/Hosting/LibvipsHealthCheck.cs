using Microsoft.Extensions.Diagnostics.HealthChecks;
using PoseGen.Imaging;

namespace PoseGen.Web.Hosting;

/// <summary>libvips loaded and initialised: its version, worker threads and the pixel limit in force.</summary>
public sealed class LibvipsHealthCheck(IImageCodec codec) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var info = codec.Info;
            return Task.FromResult(HealthCheckResult.Healthy($"libvips {info.Version}", new Dictionary<string, object>
            {
                ["version"] = info.Version, ["concurrency"] = info.Concurrency, ["maxPixels"] = info.MaxPixels,
            }));
        }
        catch (LibvipsException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("libvips could not be loaded", e));
        }
    }
}
