using System.Net;
using System.Text.Json;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Poses;

/// <summary>
/// An analysis reads its main person in plain words: joint angles at the joints and a few observations.
/// </summary>
public sealed class PoseReadingApiTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ReadsTheLargestPersonOfTheOwnersAnalysisOnly()
    {
        using var owner = await ApiClient.CreateSignedInAsync(_factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(
            File.ReadAllBytes(RepoPaths.Fixture("people", "ochuman_003799.jpg"))), "image", "me.jpg" } };
        var detection = JsonDocument.Parse(await (await owner.PostAsync("/api/v1/poses/detect",
            form)).Content.ReadAsStringAsync()).RootElement;
        var id = detection.GetProperty("id").GetString();
        var people = detection.GetProperty("people").EnumerateArray().ToList();
        var largest = people.IndexOf(people.MaxBy(p => p.GetProperty("box").GetProperty("width").GetDouble()
            * p.GetProperty("box").GetProperty("height").GetDouble()));

        var reading = JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/poses/analyses/{id}/reading"))
            .RootElement;

        Assert.Equal(largest, reading.GetProperty("person").GetInt32());
        var angles = reading.GetProperty("angles").EnumerateArray().ToList();
        Assert.InRange(angles.Count, 4, 8);
        var keypoints = people[largest].GetProperty("keypoints").EnumerateArray().ToList();
        foreach (var angle in angles)
        {
            Assert.InRange(angle.GetProperty("degrees").GetDouble(), 0, 180);
            // Each angle sits on one of the person's own joints, so the page can draw it there.
            Assert.Contains(keypoints, k => Math.Abs(k.GetProperty("x").GetDouble() - angle.GetProperty("x")
                .GetDouble()) < 0.01
                && Math.Abs(k.GetProperty("y").GetDouble() - angle.GetProperty("y").GetDouble()) < 0.01);
        }
        var observations = reading.GetProperty("observations").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.InRange(observations.Count, 1, 3);
        Assert.All(observations, o => Assert.EndsWith(".", o, StringComparison.Ordinal));

        using var stranger = await ApiClient.CreateSignedInAsync(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(
            $"/api/v1/poses/analyses/{id}/reading")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(
            $"/api/v1/poses/analyses/{Guid.NewGuid()}/reading")).StatusCode);
    }

    [Fact]
    public async Task PhotoWithoutAPersonIsAClearUnprocessableAnswer()
    {
        using var owner = await ApiClient.CreateSignedInAsync(_factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestPng.Grey(64, 64, 64, grey: 128)),
            "image", "empty.png" } };
        var id = JsonDocument.Parse(await (await owner.PostAsync("/api/v1/poses/detect",
            form)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        (await owner.GetAsync($"/api/v1/poses/analyses/{id}/reading")).AssertProblem(
            HttpStatusCode.UnprocessableEntity);
    }
}
