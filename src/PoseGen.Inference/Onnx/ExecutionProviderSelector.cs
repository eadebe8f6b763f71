using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference.Onnx;

/// <summary>The execution provider sessions are created with.</summary>
public enum ActiveExecutionProvider
{
    Cpu,
    Cuda,
}

/// <summary>
/// Decides once per process which execution provider the configured <see cref="ExecutionDevice"/> maps to, by asking
/// ONNX Runtime to append the CUDA provider to a throwaway <see cref="SessionOptions"/> (that loads the provider
/// library, so no model is needed to know).
/// </summary>
public sealed partial class ExecutionProviderSelector(ILogger<ExecutionProviderSelector> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ExecutionDevice, int), ProviderChoice> _choices = [];

    /// <summary>
    /// Cuda configured but unavailable yields <see cref="ProviderChoice.Provider"/> null and the reason.
    /// </summary>
    public ProviderChoice Select(ExecutionDevice device, int cudaDeviceId)
    {
        lock (_gate)
        {
            if (_choices.TryGetValue((device, cudaDeviceId), out var known))
                return known;
            var choice = Decide(device, cudaDeviceId);
            _choices[(device, cudaDeviceId)] = choice;
            return choice;
        }
    }

    private ProviderChoice Decide(ExecutionDevice device, int cudaDeviceId)
    {
        if (device == ExecutionDevice.Cpu)
            return new ProviderChoice(ActiveExecutionProvider.Cpu, null);

        var failure = ProbeCuda(cudaDeviceId);
        if (failure is null)
        {
            LogUsingCuda(logger, cudaDeviceId);
            return new ProviderChoice(ActiveExecutionProvider.Cuda, null);
        }

        if (device == ExecutionDevice.Cuda)
            return new ProviderChoice(null, failure);

        LogCudaFallback(logger, failure);
        return new ProviderChoice(ActiveExecutionProvider.Cpu, failure);
    }

    /// <returns>Null when CUDA loads, otherwise ONNX Runtime's reason.</returns>
    private static string? ProbeCuda(int cudaDeviceId)
    {
        try
        {
            using var options = new SessionOptions();
            AppendCuda(options, cudaDeviceId);
            return null;
        }
        catch (OnnxRuntimeException ex)
        {
            var available = string.Join(", ", OrtEnv.Instance().GetAvailableProviders());
            return $"{ex.Message.Trim()} (providers in this ONNX Runtime build: {available})";
        }
    }

    /// <summary>
    /// Through the versioned options API (an entry of ONNX Runtime's API table, present in every build): the older
    /// OrtSessionOptionsAppendExecutionProvider_CUDA export does not exist in CPU-only libraries, so calling it would
    /// throw EntryPointNotFoundException instead of ONNX Runtime's explanation.
    /// </summary>
    public static void AppendCuda(SessionOptions options, int cudaDeviceId)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var cuda = new OrtCUDAProviderOptions();
        cuda.UpdateOptions(new Dictionary<string, string>
        {
            ["device_id"] = cudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        options.AppendExecutionProvider_CUDA(cuda);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ONNX Runtime: using the CUDA execution provider on device {DeviceId}")]
    private static partial void LogUsingCuda(ILogger logger, int deviceId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "ONNX Runtime: CUDA execution provider unavailable, falling back to CPU (Inference:Device=Auto). " +
            "Reason: {Reason}")]
    private static partial void LogCudaFallback(ILogger logger, string reason);
}

/// <param name="Provider">Null when the configured device cannot be served.</param>
/// <param name="CudaFailure">Why CUDA did not load, when it was tried and failed.</param>
public sealed record ProviderChoice(ActiveExecutionProvider? Provider, string? CudaFailure);
