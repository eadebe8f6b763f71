using System.Net;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>Orphaned media: a request refused part-way leaves no stored photo behind.</summary>
public sealed class OrphanedMediaTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private string[] MediaFiles()
    {
        var folder = Path.Combine(_factory.DataRoot, "media");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    [Fact]
    public async Task AComparisonRefusedForTheCandidateKeepsNeitherPhoto()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "reference",
                "me.jpg" },
            { new ByteArrayContent(TestPng.Grey(160, 120, rows: 120, grey: 128)), "candidate", "empty-room.png" },
        };

        var response = await client.PostAsync("/api/v1/poses/compare", form);

        response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No person was found in the candidate photo", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Empty(MediaFiles());
    }
}
