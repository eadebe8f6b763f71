using PoseGen.Core.Abstractions;

namespace PoseGen.Inference.Onnx;

/// <summary>The single-person MoveNet graphs in the models folder, for the live workout page
/// (onnxruntime-web).</summary>
public sealed class PoseModelFiles(OnnxModelHost host) : IPoseModelFiles
{
    public string? PathOf(PoseModelKind model)
    {
        var descriptor = model switch
        {
            PoseModelKind.Lightning => ModelCatalog.MoveNetLightning,
            PoseModelKind.Thunder => ModelCatalog.MoveNetThunder,
            _ => null,
        };
        return descriptor is not null && host.IsInstalled(descriptor) ? host.PathOf(descriptor) : null;
    }
}
