using System.Reflection;

namespace PoseGen.TestSupport;

/// <summary>Where the repository and the shared fixtures are, as seen from a test binary.</summary>
/// <remarks>
/// The root comes from the <c>PoseGenRoot</c> assembly metadata that tests/Directory.Build.props stamps on every
/// assembly under tests/ (this one included), so it does not depend on the working directory the runner chose.
/// </remarks>
public static class RepoPaths
{
    private const string FixturesOverride = "POSEGEN_FIXTURES";

    private static readonly Lazy<string> RootPath = new(FindRoot);
    private static readonly Lazy<string> FixturesPath = new(FindFixtures);

    /// <summary>The repository root (the folder holding PoseGen.sln), without a trailing separator.</summary>
    public static string Root => RootPath.Value;

    /// <summary>
    /// <c>&lt;root&gt;/../shared/fixtures</c>: photos, clips and pose data kept outside the repository.
    /// </summary>
    public static string Fixtures => FixturesPath.Value;

    /// <summary>The model folder the build fills (<c>&lt;root&gt;/models</c>).</summary>
    public static string Models => Path.Combine(Root, "models");

    /// <summary>A path under the fixtures folder, e.g. <c>Fixture("people", "standing.jpg")</c>.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        var value = typeof(RepoPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PoseGenRoot")?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                "Assembly metadata 'PoseGenRoot' is missing; tests/Directory.Build.props should set it.");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(value));
        if (!File.Exists(Path.Combine(root, "PoseGen.sln")))
        {
            throw new DirectoryNotFoundException($"PoseGenRoot '{root}' does not contain PoseGen.sln.");
        }

        return root;
    }

    // The convention is <root>/../shared/fixtures (a clone beside shared/). A git worktree sits one level deeper
    // (e.g. /work/wt/NAME), so the nearest ancestor holding shared/fixtures is used; POSEGEN_FIXTURES overrides both.
    private static string FindFixtures()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(FixturesOverride);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"{FixturesOverride}='{fromEnvironment}' does not exist.");
        }

        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/fixtures folder beside or above {Root}; " +
            $"expected {Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"))} " +
            $"(or set {FixturesOverride}).");
    }
}
