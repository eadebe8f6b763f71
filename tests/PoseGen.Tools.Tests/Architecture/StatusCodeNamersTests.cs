namespace PoseGen.Tools.Tests.Architecture;

/// <summary>
/// Status codes are the web host's business: services, hubs and the adapter and domain projects raise errors by meaning
/// (PoseGen.Core.Errors) and Hosting/ExceptionStatus maps them; controllers declare theirs.
/// </summary>
public sealed class StatusCodeNamersTests
{
    private static readonly string[] Folders =
    [
        "src/PoseGen.Core", "src/PoseGen.Imaging", "src/PoseGen.Inference", "src/PoseGen.Data",
        "src/PoseGen.Web/Services", "src/PoseGen.Web/Hubs",
    ];

    [Fact]
    public void NoServiceOrAdapterNamesAStatusCode()
    {
        var namers = Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(TestPaths.Root, folder), "*.cs",
                SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(TestPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal)
                && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path =>
            {
                var text = File.ReadAllText(Path.Combine(TestPaths.Root, path));
                return text.Contains("StatusCodes.", StringComparison.Ordinal)
                    || text.Contains("HttpStatusCode", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);
        Assert.Empty(namers);
    }
}
