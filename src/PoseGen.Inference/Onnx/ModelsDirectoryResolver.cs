namespace PoseGen.Inference.Onnx;

/// <summary>Turns <see cref="InferenceOptions.ModelsPath"/> into an absolute folder.</summary>
public static class ModelsDirectoryResolver
{
    private const string FolderName = "models";

    /// <param name="configured">The option's value: absolute, relative to the content root, or empty for a search.</param>
    /// <param name="contentRoot">The host's content root; the process's working folder when null.</param>
    public static string Resolve(string? configured, string? contentRoot)
    {
        var root = Path.GetFullPath(contentRoot ?? Directory.GetCurrentDirectory());
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, root);

        // From a checkout the content root is src/PoseGen.Web and tests run from bin/; the repository's models/ (where the
        // build converts the models, next to models.json) is then a parent's child. Published apps carry models/ beside them.
        foreach (var start in new[] { root, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (File.Exists(Path.Combine(candidate, "models.json")) || File.Exists(Path.Combine(candidate, ModelCatalog.MoveNetThunder.FileName)))
                    return candidate;
            }
        }
        return Path.Combine(root, FolderName);
    }
}
