namespace PoseGen.Core.Hosting;

/// <summary>
/// The folder every relative path of the app starts from, found once for all projects: in a source checkout the
/// repository root (the folder holding PoseGen.sln, which owns wwwroot/, models/ and data/); in a published build
/// (Docker) the folder of the binaries, where those folders sit beside them.
/// </summary>
public static class AppRoot
{
    /// <summary>The repository root, or null when the app runs from a published folder.</summary>
    public static string? Repository { get; } = FindRepository();

    /// <summary>The repository root, or the binaries' folder when published.</summary>
    public static string Folder => Repository ?? AppContext.BaseDirectory;

    /// <summary>
    /// An absolute path: <paramref name="path"/> itself when rooted, else under <see cref="Folder"/>.
    /// </summary>
    public static string Resolve(string path) => Path.GetFullPath(path, Folder);

    private static string? FindRepository()
    {
        // The binaries' folder first (bin/ of a checkout); the working folder covers `dotnet run` from elsewhere.
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
