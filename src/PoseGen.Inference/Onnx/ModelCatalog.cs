using PoseGen.Core.Abstractions;

namespace PoseGen.Inference.Onnx;

/// <summary>A converted model PoseGen knows how to run.</summary>
/// <param name="Name">Stable id used in health reports and logs.</param>
/// <param name="FileName">File under the models folder (written by the converter, see models/models.json).</param>
public sealed record ModelDescriptor(string Name, string FileName);

/// <summary>The models of this build.</summary>
public static class ModelCatalog
{
    public static readonly ModelDescriptor MoveNetLightning = new("movenet-lightning", "movenet-lightning.onnx");
    public static readonly ModelDescriptor MoveNetThunder = new("movenet-thunder", "movenet-thunder.onnx");
    public static readonly ModelDescriptor MoveNetMultipose = new("movenet-multipose", "movenet-multipose.onnx");

    public static readonly ModelDescriptor CenterNet = new("centernet", "centernet.onnx");
    public static readonly ModelDescriptor Selfie = new("selfie", "selfie.onnx");

    public static IReadOnlyList<ModelDescriptor> All { get; } =
        [MoveNetLightning, MoveNetThunder, MoveNetMultipose, CenterNet, Selfie];

    /// <summary>The models a pose pipeline runs.</summary>
    public static IReadOnlyList<ModelDescriptor> For(PoseModelKind kind) => kind switch
    {
        PoseModelKind.Lightning => [MoveNetLightning],
        PoseModelKind.Thunder => [MoveNetThunder],
        PoseModelKind.Multipose => [MoveNetMultipose],
        PoseModelKind.Auto => [MoveNetMultipose, MoveNetThunder],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown pose model."),
    };
}
