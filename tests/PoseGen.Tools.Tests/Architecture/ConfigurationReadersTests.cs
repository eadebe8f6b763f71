namespace PoseGen.Tools.Tests.Architecture;

/// <summary>
/// Settings reach services as validated options (IOptions of a class per concern) or as resolved values such as the
/// data folder, never as IConfiguration: only the start-up code that binds them may read configuration.
/// </summary>
public sealed class ConfigurationReadersTests
{
    private static bool IsStartUpCode(string relativePath) =>
        relativePath.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal)
        || relativePath.Contains("/Hosting/", StringComparison.Ordinal)
        || relativePath.EndsWith("/Program.cs", StringComparison.Ordinal);

    [Fact]
    public void OnlyStartUpCodeReadsConfiguration()
    {
        var src = Path.Combine(TestPaths.Root, "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal)
                && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(Path.Combine(TestPaths.Root, path))
                .Contains("IConfiguration", StringComparison.Ordinal))
            .Where(path => !IsStartUpCode(path))
            .Order(StringComparer.Ordinal);
        Assert.Empty(readers);
    }
}
