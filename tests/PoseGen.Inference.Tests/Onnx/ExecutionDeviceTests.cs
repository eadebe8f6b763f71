using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoseGen.Inference.Onnx;
using PoseGen.Inference.Tests.Support;

namespace PoseGen.Inference.Tests.Onnx;

/// <summary>This machine has no GPU and the CPU-only ONNX Runtime package: CUDA can never load here.</summary>
public sealed class ExecutionDeviceTests
{
    [Fact]
    public async Task CpuDeviceUsesTheCpuProviderWithoutTryingCuda()
    {
        var (host, logs) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
        using (host)
        {
            await host.StartAsync();
            var status = host.Services.GetRequiredService<OnnxModelHost>().GetStatus();

            Assert.Equal(ExecutionDevice.Cpu, status.ConfiguredDevice);
            Assert.Equal(ActiveExecutionProvider.Cpu, status.Provider);
            Assert.Null(status.CudaFailure);
            Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("CUDA", StringComparison.Ordinal));
            Assert.Matches(@"^\d+\.\d+\.\d+", status.OnnxRuntimeVersion);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AutoFallsBackToCpuWithExactlyOneLogLineAtStartUp()
    {
        var (host, logs) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Auto" });
        using (host)
        {
            await host.StartAsync();
            var modelHost = host.Services.GetRequiredService<OnnxModelHost>();
            var first = modelHost.GetStatus();
            var second = modelHost.GetStatus();

            Assert.Equal(ActiveExecutionProvider.Cpu, first.Provider);
            Assert.Equal(ActiveExecutionProvider.Cpu, second.Provider);
            Assert.False(string.IsNullOrWhiteSpace(first.CudaFailure));
            var fallback = Assert.Single(logs.Lines, l => l.Message.Contains("falling back to CPU",
                StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, fallback.Level);
            Assert.Contains(first.CudaFailure!, fallback.Message, StringComparison.Ordinal);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AutoIsTheDefaultDevice()
    {
        var (host, _) = TestHost.Build(new Dictionary<string, string?>());
        using (host)
        {
            await host.StartAsync();
            var status = host.Services.GetRequiredService<OnnxModelHost>().GetStatus();
            Assert.Equal(ExecutionDevice.Auto, status.ConfiguredDevice);
            Assert.Equal(ActiveExecutionProvider.Cpu, status.Provider);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task CudaFailsStartUpNamingTheSettingAndTheWayOut()
    {
        var (host, _) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Cuda" });
        using (host)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("Inference:Device is Cuda", error.Message, StringComparison.Ordinal);
            Assert.Contains("CUDA execution provider could not be loaded", error.Message, StringComparison.Ordinal);
            Assert.Contains("set Inference:Device to Auto or Cpu", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Inference:KeypointThreshold", "1.5")]
    [InlineData("Inference:IntraOpThreads", "-1")]
    [InlineData("Inference:MultiposeDetailSide", "4096")]
    public async Task OutOfRangeSettingsFailStartUp(string key, string value)
    {
        var (host, _) = TestHost.Build(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu", [key] = value });
        using (host)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SettingsBindFromTheInferenceSection()
    {
        var (host, _) = TestHost.Build(new Dictionary<string, string?>
        {
            ["Inference:Device"] = "Cpu",
            ["Inference:KeypointThreshold"] = "0.45",
            ["Inference:IntraOpThreads"] = "2",
            ["Inference:GraphOptimizationLevel"] = "ORT_ENABLE_BASIC",
        });
        using (host)
        {
            var options = host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;
            Assert.Equal(0.45f, options.KeypointThreshold);
            Assert.Equal(2, options.IntraOpThreads);
            Assert.Equal(Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_BASIC,
                options.GraphOptimizationLevel);
        }
    }

    [Fact]
    public void KeypointThresholdDefaultsToMoveNetsUsualValue() =>
        Assert.Equal(0.3f, new InferenceOptions().KeypointThreshold);
}
