namespace PoseGen.Inference.Onnx;

/// <param name="Installed">The file exists.</param>
/// <param name="Loaded">A session has been created for it in this process.</param>
public sealed record ModelStatus(string Name, string FileName, bool Installed, bool Loaded);
