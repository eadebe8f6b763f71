using System.Xml.Linq;

namespace PoseGen.Tools.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, read from the project files: what each product project may reference. A new
/// reference fails here until the document (and this table) says why it is allowed. <see cref="Forbidden"/> holds the
/// edges the layering rules out whatever the table says: Core depends on nothing; the use cases (Application) on Core
/// alone; the adapters (Imaging, Inference, Data) never on the web host, on the database adapter or on the use cases
/// (they implement Core's ports, so they need no more).
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["PoseGen.Core"] = [],
        ["PoseGen.Application"] = ["PoseGen.Core"],
        ["PoseGen.Native"] = [],
        ["PoseGen.Imaging"] = ["PoseGen.Core"],
        ["PoseGen.Data"] = ["PoseGen.Core"],
        ["PoseGen.Inference"] = ["PoseGen.Core", "PoseGen.Imaging", "PoseGen.Native"],
        ["PoseGen.Web"] =
            ["PoseGen.Application", "PoseGen.Core", "PoseGen.Data", "PoseGen.Imaging", "PoseGen.Inference"],
    };

    private static readonly Dictionary<string, string[]> Forbidden = new(StringComparer.Ordinal)
    {
        ["PoseGen.Core"] = ["PoseGen.Application", "PoseGen.Data", "PoseGen.Imaging", "PoseGen.Inference",
            "PoseGen.Native", "PoseGen.Web"],
        ["PoseGen.Application"] =
            ["PoseGen.Data", "PoseGen.Imaging", "PoseGen.Inference", "PoseGen.Native", "PoseGen.Web"],
        ["PoseGen.Imaging"] = ["PoseGen.Application", "PoseGen.Data", "PoseGen.Inference", "PoseGen.Web"],
        ["PoseGen.Inference"] = ["PoseGen.Application", "PoseGen.Data", "PoseGen.Web"],
        ["PoseGen.Data"] = ["PoseGen.Application", "PoseGen.Imaging", "PoseGen.Inference", "PoseGen.Web"],
        ["PoseGen.Native"] = ["PoseGen.Application", "PoseGen.Core", "PoseGen.Data", "PoseGen.Imaging",
            "PoseGen.Inference", "PoseGen.Web"],
    };

    private static string[] References(string project) =>
        [.. XDocument.Load(Path.Combine(TestPaths.Root, "src", project, $"{project}.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryProductProjectIsInTheLayerTable()
    {
        var projects = Directory.GetDirectories(Path.Combine(TestPaths.Root, "src")).Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Theory]
    [InlineData("PoseGen.Core")]
    [InlineData("PoseGen.Application")]
    [InlineData("PoseGen.Native")]
    [InlineData("PoseGen.Imaging")]
    [InlineData("PoseGen.Data")]
    [InlineData("PoseGen.Inference")]
    [InlineData("PoseGen.Web")]
    public void AProjectReferencesOnlyTheLayersBelowIt(string project) =>
        Assert.Equal(Allowed[project].Order(StringComparer.Ordinal), References(project));

    [Theory]
    [InlineData("PoseGen.Core")]
    [InlineData("PoseGen.Application")]
    [InlineData("PoseGen.Native")]
    [InlineData("PoseGen.Imaging")]
    [InlineData("PoseGen.Data")]
    [InlineData("PoseGen.Inference")]
    public void AProjectReferencesNoneItMustNot(string project) =>
        Assert.Empty(References(project).Intersect(Forbidden[project], StringComparer.Ordinal));

    [Fact]
    public void TheTableAllowsNoForbiddenReference()
    {
        foreach (var (project, forbidden) in Forbidden)
            Assert.Empty(Allowed[project].Intersect(forbidden, StringComparer.Ordinal));
    }

    [Fact]
    public void TheDocumentDrawsTheSameLayers()
    {
        var document = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "architecture.md"));
        foreach (var (project, references) in Allowed)
            foreach (var reference in references)
                Assert.Contains($"{Short(project)} --> {Short(reference)}", document, StringComparison.Ordinal);
    }

    private static string Short(string project) => project["PoseGen.".Length..];
}
