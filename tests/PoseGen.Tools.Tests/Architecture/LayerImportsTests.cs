using System.Text.RegularExpressions;

namespace PoseGen.Tools.Tests.Architecture;

/// <summary>
/// What the project references cannot see. Web references Inference only so that its composition root can register
/// the adapters (Program.cs, the <c>*ServiceCollectionExtensions</c>) and its health checks can report on ONNX Runtime,
/// the models and ffmpeg: controllers, hubs, services and view models reach the models through the use cases and
/// Core's ports. Application references ASP.NET Core's shared framework for dependency injection and options only.
/// </summary>
public sealed partial class LayerImportsTests
{
    [GeneratedRegex(@"\bPoseGen\.Inference\b")]
    private static partial Regex InferenceNamespace();

    [GeneratedRegex(@"\bMicrosoft\.AspNetCore\b|\bHttpContext\b")]
    private static partial Regex WebHost();

    private static bool IsWebCompositionRoot(string relativePath) =>
        relativePath == "src/PoseGen.Web/Program.cs"
        || relativePath.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal)
        || (relativePath.StartsWith("src/PoseGen.Web/Hosting/", StringComparison.Ordinal)
            && Path.GetFileName(relativePath).Contains("HealthCheck", StringComparison.Ordinal));

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Root, "src", project), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal)
                || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(TestPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal)
                && !path.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static bool Mentions(string relativePath, Regex pattern) =>
        File.ReadLines(Path.Combine(TestPaths.Root, relativePath))
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Any(pattern.IsMatch);

    [Fact]
    public void OnlyWebsCompositionRootAndHealthChecksUseInference()
    {
        var users = SourceFiles("PoseGen.Web")
            .Where(path => !IsWebCompositionRoot(path))
            .Where(path => Mentions(path, InferenceNamespace()));
        Assert.Empty(users);
    }

    [Fact]
    public void TheUseCasesKnowNoWebHost()
    {
        var users = SourceFiles("PoseGen.Application").Where(path => Mentions(path, WebHost()));
        Assert.Empty(users);
    }
}
