namespace PoseGen.Tools.Tests.Architecture;

/// <summary>
/// The site's scripts, style sheets and Razor views stay within 120 columns, the width the C# code keeps, so every file
/// reads without scrolling sideways (issue #16). Library code the build copies into wwwroot/lib and npm packages are
/// not ours to wrap and are left out.
/// </summary>
public sealed class FrontEndLineLengthTests
{
    private const int MaxLength = 120;

    private static readonly string[] Extensions = [".js", ".css", ".cshtml"];

    // Build outputs, restored packages and the build's copy of the front-end libraries.
    private static readonly string[] SkippedFolders =
        [".git", "bin", "obj", "node_modules", "TestResults", "artifacts"];

    private static readonly string WwwrootLib = Path.Combine(TestPaths.Root, "wwwroot", "lib");

    [Fact]
    public void NoScriptStyleSheetOrViewLineIsLongerThan120Characters()
    {
        var files = SourceFiles(TestPaths.Root).ToList();
        Assert.Contains(files, path => path.EndsWith(".cshtml", StringComparison.Ordinal));

        var longLines = files
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, number: index + 1, line.Length)))
            .Where(line => line.Length > MaxLength)
            .Select(line => $"{Relative(line.path)}:{line.number} ({line.Length} characters)")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(longLines.Count == 0,
            $"Lines over {MaxLength} characters ({longLines.Count}):\n{string.Join('\n', longLines)}");
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (Extensions.Contains(Path.GetExtension(name), StringComparer.Ordinal)
                && !name.Contains(".min.", StringComparison.Ordinal))
                yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal)
                || string.Equals(child, WwwrootLib, StringComparison.Ordinal))
                continue;
            foreach (var file in SourceFiles(child))
                yield return file;
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(TestPaths.Root, path).Replace('\\', '/');
}
