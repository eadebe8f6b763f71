namespace PoseGen.Web.Hosting;

/// <summary>
/// Where the app finds its folders. In a source checkout the repository root (the folder holding PoseGen.sln) owns
/// wwwroot/, models/ and data/; in a published build (Docker) they sit next to the binaries.
/// </summary>
public static class AppPaths
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    private static string BaseFolder => RepositoryRoot ?? AppContext.BaseDirectory;

    public static string WebRoot() => Path.Combine(BaseFolder, "wwwroot");

    /// <summary>Storage:DataRoot, absolute or relative to the repository root (published: the app folder).</summary>
    public static string DataRoot(IConfiguration configuration) => Resolve(configuration["Storage:DataRoot"] ?? "data");

    public static string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(BaseFolder, path));

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PoseGen.sln")))
                    return dir.FullName;
            }
        }
        return null;
    }
}
