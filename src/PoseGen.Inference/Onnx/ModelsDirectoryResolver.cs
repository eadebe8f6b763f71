using PoseGen.Core.Hosting;

namespace PoseGen.Inference.Onnx;

/// <summary>Turns <see cref="InferenceOptions.ModelsPath"/> into an absolute folder.</summary>
public static class ModelsDirectoryResolver
{
    private const string FolderName = "models";

    /// <param name="configured">The option's value: absolute, relative to the content root, or empty for models/ under
    /// <see cref="AppRoot"/>.</param>
    /// <param name="contentRoot">The host's content root; the process's working folder when null.</param>
    public static string Resolve(string? configured, string? contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, Path.GetFullPath(contentRoot ?? Directory.GetCurrentDirectory()));

        // A checkout's models/ is the repository's (the build converts the models there, next to models.json); a
        // published app carries models/ beside its binaries. AppRoot knows which.
        return AppRoot.Resolve(FolderName);
    }
}
