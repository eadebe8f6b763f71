using System.Net;
using System.Net.Http.Json;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Races: a user's first profile save or first feedback on a pose inserts a row; two such requests at once
/// used to both insert, and the loser got a primary-key violation as a 500. Now the loser updates the winner's row.
/// </summary>
public sealed class ConcurrentFirstSaveTests : IDisposable
{
    private const int AtOnce = 8;

    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ConcurrentFirstProfileSavesAllSucceed()
    {
        for (var round = 0; round < 3; round++)
        {
            using var client = await ApiClient.CreateSignedInAsync(_factory);
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce)
                .Select(i => client.PutAsJsonAsync("/api/v1/profile",
                new { goals = new[] { "yoga" }, level = "beginner", limitations = Array.Empty<string>(),
                    preferences = new[] { $"tag{i}" } })));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }
    }

    [Fact]
    public async Task ConcurrentFirstFeedbackOnOnePoseAllSucceeds()
    {
        var pose = PoseGen.Core.Library.PoseLibrary.Default.All[0].Id;
        for (var round = 0; round < 3; round++)
        {
            using var client = await ApiClient.CreateSignedInAsync(_factory);
            var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce)
                .Select(i => client.PostAsJsonAsync("/api/v1/recommendations/feedback",
                new { poseId = pose, kind = i % 2 == 0 ? "like" : "done" })));
            Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, $"{(int)a.StatusCode}"));
        }
    }
}
