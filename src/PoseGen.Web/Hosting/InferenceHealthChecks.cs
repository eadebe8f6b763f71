using Microsoft.Extensions.Diagnostics.HealthChecks;
using PoseGen.Inference.Onnx;

namespace PoseGen.Web.Hosting;

/// <summary>
/// ONNX Runtime loaded: its version, the configured device and the execution provider actually in use.
/// </summary>
public sealed class OnnxRuntimeHealthCheck(OnnxModelHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var status = host.GetStatus();
        var data = new Dictionary<string, object>
        {
            ["version"] = status.OnnxRuntimeVersion,
            ["configuredDevice"] = status.ConfiguredDevice.ToString(),
            ["provider"] = status.Provider?.ToString() ?? "none",
        };
        // Why CUDA failed is ONNX Runtime's own text, logged at start-up; the health answer only says that it did.
        if (status.CudaFailure is not null)
            data["cuda"] = "not available (reason in the server log)";
        return Task.FromResult(status.Provider is null
            ? HealthCheckResult.Unhealthy("No execution provider can serve the configured device", data: data)
            : HealthCheckResult.Healthy($"ONNX Runtime {status.OnnxRuntimeVersion} on {status.Provider}", data));
    }
}

/// <summary>
/// Which converted models are installed and loaded. Missing models degrade the features that need them.
/// </summary>
public sealed class ModelsHealthCheck(OnnxModelHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var status = host.GetStatus();
        var data = status.Models.ToDictionary(m => m.Name, m => (object)(m.Loaded ? "loaded" : m.Installed ? "installed"
            : "missing"));
        var missing = status.Models.Where(m => !m.Installed).Select(m => m.FileName).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"{status.Models.Count} models installed", data)
            : HealthCheckResult.Degraded($"Missing: {string.Join(", ", missing)} (build the app to convert them)",
                data: data));
    }
}
