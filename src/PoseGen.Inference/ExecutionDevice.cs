namespace PoseGen.Inference;

/// <summary>Where ONNX Runtime runs the models.</summary>
public enum ExecutionDevice
{
    /// <summary>CUDA when its provider loads, otherwise CPU (logged once).</summary>
    Auto,
    Cpu,

    /// <summary>CUDA or nothing: start-up fails when the provider cannot load.</summary>
    Cuda,
}
