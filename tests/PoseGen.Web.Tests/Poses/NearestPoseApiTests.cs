using System.Net;
using System.Text.Json;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Poses;

/// <summary>
/// An analysis names the library poses closest to its main person, best first, with where to practise them.
/// </summary>
public sealed class NearestPoseApiTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NamesTheClosestLibraryPosesOfTheOwnersAnalysisOnly()
    {
        using var owner = await ApiClient.CreateSignedInAsync(_factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "mpii_004645041.jpg"))), "image", "me.jpg" } };
        var detect = await owner.PostAsync("/api/v1/poses/detect", form);
        var id = JsonDocument.Parse(await detect.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var nearest = JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/poses/analyses/{id}/nearest?count=3"))
            .RootElement;

        Assert.Equal(3, nearest.GetArrayLength());
        var alike = nearest.EnumerateArray().Select(p => p.GetProperty("alike").GetDouble()).ToList();
        Assert.Equal(alike.OrderDescending(), alike);
        Assert.All(alike, a => Assert.InRange(a, 0, 100));
        var first = nearest[0];
        Assert.NotNull(PoseGen.Core.Library.PoseLibrary.Default.Find(first.GetProperty("id").GetString()!));
        Assert.Equal($"/Workout?pose={first.GetProperty("id").GetString()}",
            first.GetProperty("practiceUrl").GetString());

        (await owner.GetAsync($"/api/v1/poses/analyses/{id}/nearest?count=0")).AssertProblem(HttpStatusCode.BadRequest);
        using var stranger = await ApiClient.CreateSignedInAsync(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(
            $"/api/v1/poses/analyses/{id}/nearest")).StatusCode);
    }
}
