namespace PoseGen.Inference.Onnx;

/// <summary>For GET /health.</summary>
/// <param name="Provider">Null only when Device=Cuda and CUDA is unavailable (start-up validation fails then).</param>
public sealed record InferenceStatus(
    string OnnxRuntimeVersion,
    ExecutionDevice ConfiguredDevice,
    ActiveExecutionProvider? Provider,
    string? CudaFailure,
    string ModelsDirectory,
    IReadOnlyList<ModelStatus> Models);
