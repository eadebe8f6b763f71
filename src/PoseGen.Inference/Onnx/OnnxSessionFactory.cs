using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference.Onnx;

/// <summary>
/// The one place ONNX Runtime sessions are made, for every model of the app: the options of section Inference (graph
/// optimisation, threads, spinning, memory pattern) and the execution provider chosen for Inference:Device. The pose
/// and context models (<see cref="OnnxModelHost"/>) and the generation models (StableDiffusionPipeline) both open
/// theirs here.
/// </summary>
public sealed partial class OnnxSessionFactory(
    IOptions<InferenceOptions> options, ExecutionProviderSelector selector, ILogger<OnnxSessionFactory> logger)
{
    private readonly InferenceOptions _options = options.Value;

    /// <exception cref="InvalidOperationException">Inference:Device is Cuda and the CUDA provider is
    /// unavailable.</exception>
    public ActiveExecutionProvider Provider =>
        selector.Select(_options.Device, _options.CudaDeviceId).Provider
        ?? throw new InvalidOperationException(
            "Inference:Device is Cuda but the CUDA execution provider is unavailable.");

    /// <summary>
    /// A new session for the model file at <paramref name="path"/>; <paramref name="name"/> is for the log.
    /// </summary>
    public InferenceSession Create(string name, string path)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = _options.GraphOptimizationLevel,
            EnableMemoryPattern = _options.EnableMemoryPattern,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = _options.InterOpThreads,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning",
            _options.AllowThreadSpinning ? "1" : "0");
        sessionOptions.AddSessionConfigEntry("session.force_spinning_stop", _options.StopSpinningAfterRun ? "1" : "0");
        var provider = Provider;
        if (provider == ActiveExecutionProvider.Cuda)
            ExecutionProviderSelector.AppendCuda(sessionOptions, _options.CudaDeviceId);
        var session = new InferenceSession(path, sessionOptions);
        LogSessionCreated(logger, name, provider, path);
        return session;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ONNX Runtime session for {Model} created on {Provider} from {Path}")]
    private static partial void LogSessionCreated(ILogger logger, string model, ActiveExecutionProvider provider,
        string path);
}
