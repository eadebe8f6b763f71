using Microsoft.Extensions.Options;

namespace PoseGen.Inference.Onnx;

/// <summary>
/// Runs with <c>ValidateOnStart</c>: with <c>Inference:Device=Cuda</c> start-up fails here when the CUDA provider
/// cannot load; with Auto the provider is decided (and a fallback logged) at start-up rather than on the first request.
/// </summary>
public sealed class InferenceOptionsValidator(ExecutionProviderSelector selector) : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var choice = selector.Select(options.Device, options.CudaDeviceId);
        if (choice.Provider is not null)
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            $"Inference:Device is Cuda but ONNX Runtime's CUDA execution provider could not be loaded on device " +
            $"{options.CudaDeviceId}: {choice.CudaFailure} Build with the GPU package (PoseGenGpu=true or " +
            $"POSEGEN_GPU=1) on a " +
            "machine with CUDA 13 and cuDNN 9, or set Inference:Device to Auto or Cpu.");
    }
}
