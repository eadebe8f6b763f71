using System.Reflection;

namespace PoseGen.Imaging.Tests.TestData;

/// <summary>The shared fixture photos, found from the repository root baked into the test assembly.</summary>
internal static class Fixtures
{
    private static readonly string Root = typeof(Fixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PoseGenRoot").Value!;

    /// <summary>
    /// &lt;root&gt;/../shared/fixtures in a normal checkout; a git worktree sits deeper (e.g. wt/NAME), so the nearest
    /// ancestor holding shared/fixtures is used.
    /// </summary>
    public static string PeopleDirectory { get; } = FindPeopleDirectory();

    private static string FindPeopleDirectory()
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "people");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/fixtures/people above {Root}");
    }

    public static IReadOnlyList<string> PeoplePhotos =>
        [.. Directory.GetFiles(PeopleDirectory, "*.jpg").Order(StringComparer.Ordinal)];

    public static TheoryData<string> PeoplePhotoNames => [.. PeoplePhotos.Select(p => Path.GetFileName(p))];

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(PeopleDirectory, name));
}
