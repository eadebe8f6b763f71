using System.Reflection;

namespace PoseGen.Tools.Tests;

/// <summary>Repository locations, from the PoseGenRoot assembly metadata set by tests/Directory.Build.props.</summary>
internal static class TestPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PoseGenRoot")
            .Value!);

    public static string Models => Path.Combine(Root, "models");

    public static string Manifest => Path.Combine(Models, "models.json");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string PeoplePhotos => Path.Combine(Fixtures, "people");

    /// <summary>&lt;root&gt;/../shared/fixtures; from a git worktree nested one level deeper (/work/wt/NAME) the
    /// nearest ancestor that has shared/fixtures.</summary>
    public static string Fixtures { get; } = FindFixtures();

    private static string FindFixtures()
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/fixtures folder above {Root}.");
    }

    public static string TfjsModel(string name) =>
        Path.Combine(NodeModules, "@vladmandic", "human-models", "models", name + ".json");
}
