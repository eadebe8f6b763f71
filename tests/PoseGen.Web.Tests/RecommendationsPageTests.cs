using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using PoseGen.Core.Library;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

public sealed partial class RecommendationsPageTests(
    RecommendationsAppFixture app) : IClassFixture<RecommendationsAppFixture>
{
    private async Task<BrowserLikeClient> SignedInAsync()
    {
        var client = new BrowserLikeClient(app.Factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        await client.LoginAsync(email);
        return client;
    }

    [Fact]
    public async Task PageHasThePromptChipsAndIsInTheNavigation()
    {
        var client = await SignedInAsync();
        var html = await client.GetPageAsync("/Recommendations");
        Assert.Contains("id=\"prompt\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"beach\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Recommendations\"", html, StringComparison.Ordinal);
        Assert.Contains("recommendations.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPageShowsTheViewsCuesAndTryItLinks()
    {
        var pose = PoseLibrary.Default.All.First(p => p.Cues.Count > 0);
        var client = await SignedInAsync();
        var html = WebUtility.HtmlDecode(await client.GetPageAsync($"/Recommendations/Pose/{pose.Id}"));
        Assert.Contains(pose.Name, html, StringComparison.Ordinal);
        Assert.Contains(pose.Cues[0], html, StringComparison.Ordinal);
        foreach (var view in new[] { "front", "three-quarter", "side" })
            Assert.Contains($"/api/v1/poses/library/{pose.Id}/mannequin.svg?view={view}", html,
                StringComparison.Ordinal);
        Assert.Contains($"/Compare?referencePose={pose.Id}", html, StringComparison.Ordinal);
        Assert.Contains($"/Workout?exercise=hold&pose={pose.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacesTellPosesApartInsteadOfListingEveryPlace()
    {
        var client = await SignedInAsync();
        var everywhere = PoseLibrary.Default.All.First(p => p.Environments.Count
            == PoseGen.Core.Context.ContextLabels.Environments.Count);
        var fewer = PoseLibrary.Default.All.First(p => p.Environments.Count <= 5);

        var all = WebUtility.HtmlDecode(await client.GetPageAsync($"/Recommendations/Pose/{everywhere.Id}"));
        var some = WebUtility.HtmlDecode(await client.GetPageAsync($"/Recommendations/Pose/{fewer.Id}"));

        Assert.Contains("<dt>Places</dt><dd>Anywhere</dd>", all, StringComparison.Ordinal);
        var places = PlacesLine().Match(some).Groups[1].Value;
        Assert.Equal(fewer.Environments.Select(e => PoseGen.Core.Context.ContextLabels.Environments[e]),
            places.Split(", "));
    }

    /// <summary>Every pose's "Try it: hold the pose" opens the Workout page practising that very pose.</summary>
    [Fact]
    public async Task EveryTryItLinkOpensLivePracticeOfThePoseItNames()
    {
        var client = await SignedInAsync();
        foreach (var pose in PoseLibrary.Default.All)
        {
            var detail = WebUtility.HtmlDecode(await client.GetPageAsync($"/Recommendations/Pose/{pose.Id}"));
            var href = TryItLink().Match(detail).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(href), $"{pose.Id}: no try-it link");

            var workout = WebUtility.HtmlDecode(await client.GetPageAsync(href));

            Assert.Contains("<option value=\"practice\" selected", workout, StringComparison.Ordinal);
            Assert.Matches(
                $"<option value=\"{Regex.Escape(pose.Id)}\" selected=\"selected\">{Regex.Escape(pose.Name)}</option>",
                workout);
        }
    }

    [GeneratedRegex("<dt>Places</dt><dd>([^<]*)</dd>")]
    private static partial Regex PlacesLine();

    [GeneratedRegex("<a class=\"btn btn-primary\" href=\"([^\"]+)\">Try it: hold the pose</a>")]
    private static partial Regex TryItLink();

    [Fact]
    public async Task UnknownPoseDetailIs404()
    {
        var client = await SignedInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(
            "/Recommendations/Pose/no-such-pose")).StatusCode);
    }

    [Fact]
    public async Task FeedbackFromThePageIsStoredAndShownOnTheDetailPage()
    {
        var pose = PoseLibrary.Default.All[1];
        var client = await SignedInAsync();
        var page = await client.GetPageAsync("/Recommendations");
        var token = WebUtility.HtmlDecode(TokenMeta().Match(page).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recommendations/feedback")
        {
            Content = JsonContent.Create(new { poseId = pose.Id, kind = "done" }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(request)).StatusCode);

        var detail = await client.GetPageAsync($"/Recommendations/Pose/{pose.Id}");
        Assert.Contains("data-feedback=\"done\"", detail, StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenMeta();
}
