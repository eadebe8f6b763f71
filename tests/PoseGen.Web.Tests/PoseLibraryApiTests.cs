using System.Net;
using System.Text.Json;
using PoseGen.Core.Library;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

public sealed class PoseLibraryApiTests(RecommendationsAppFixture app) : IClassFixture<RecommendationsAppFixture>
{
    private static readonly string PoseId = PoseLibrary.Default.All[0].Id;

    private async Task<HttpClient> ClientAsync() => await ApiClient.CreateSignedInAsync(app.Factory);

    [Fact]
    public async Task ListsEveryLibraryPose()
    {
        var client = await ClientAsync();
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/poses/library")).RootElement;
        Assert.Equal(PoseLibrary.Default.All.Count, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString())));
    }

    [Theory]
    [InlineData("front", "posegen", 17)]
    [InlineData("side", "openpose", 18)]
    [InlineData("three-quarter", "openpose", 18)]
    public async Task OnePoseHasItsJointsForTheViewAndFormat(string view, string format, int joints)
    {
        var client = await ClientAsync();
        var body = JsonDocument.Parse(await client.GetStringAsync(
            $"/api/v1/poses/library/{PoseId}?view={view}&format={format}")).RootElement;
        Assert.Equal(view, body.GetProperty("view").GetString());
        var keypoints = body.GetProperty("keypoints").EnumerateArray().ToList();
        Assert.Equal(joints, keypoints.Count);
        // Visible joints lie on the 512 x 512 canvas.
        Assert.All(keypoints.Where(k => k.GetProperty("score").GetSingle() > 0),
            k => Assert.InRange(k.GetProperty("x").GetSingle(), 0, 512));
    }

    [Theory]
    [InlineData("mannequin.svg")]
    [InlineData("openpose.svg")]
    public async Task SvgRendersAreSvg(string render)
    {
        var client = await ClientAsync();
        var response = await client.GetAsync($"/api/v1/poses/library/{PoseId}/{render}?view=side");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mannequin.png")]
    [InlineData("openpose.png")]
    public async Task PngRendersStartWithThePngSignature(string render)
    {
        var client = await ClientAsync();
        var response = await client.GetAsync($"/api/v1/poses/library/{PoseId}/{render}");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Theory]
    [InlineData("/api/v1/poses/library/no-such-pose", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/poses/library/no-such-pose/mannequin.svg", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/poses/library/{0}?view=top", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/poses/library/{0}?format=bvh", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/poses/library/{0}/openpose.png?view=back", HttpStatusCode.BadRequest)]
    public async Task UnknownPoseIs404AndBadViewOrFormatIs400(string url, HttpStatusCode status)
    {
        var client = await ClientAsync();
        var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url,
            PoseId));
        response.AssertProblem(status);
    }
}
