namespace PoseGen.Inference.Onnx;

public sealed class ModelNotInstalledException(string model, string path)
    : Exception($"Model {model} is not installed: {path} does not exist. Build the solution to convert the models.")
{
    public string Model { get; } = model;
    public string ExpectedPath { get; } = path;
}
