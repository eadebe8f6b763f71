using System.Reflection;

namespace PoseGen.Tools.Tests;

/// <summary>Repository locations, from the PoseGenRoot assembly metadata set by tests/Directory.Build.props.</summary>
internal static class TestPaths
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PoseGenRoot").Value!);

    public static string Models => Path.Combine(Root, "models");

    public static string Manifest => Path.Combine(Models, "models.json");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string PeoplePhotos => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "people"));

    public static string TfjsModel(string name) =>
        Path.Combine(NodeModules, "@vladmandic", "human-models", "models", name + ".json");
}
