using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.TestSupport;

namespace PoseGen.Web.Tests;

public sealed class CompareApiTests(DetectionAppFixture app) : IClassFixture<DetectionAppFixture>
{
    private static async Task<MultipartFormDataContent> PairAsync(string reference, string candidate)
    {
        var content = new MultipartFormDataContent();
        foreach (var (field, path) in new[] { ("reference", reference), ("candidate", candidate) })
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, field, Path.GetFileName(path));
        }
        return content;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task SamePoseScoresHigherThanADifferentPoseAndIsSaved()
    {
        using var same = await PairAsync(RepoPaths.Fixture("pairs", "tree_chest_a.jpg"),
            RepoPaths.Fixture("pairs", "tree_chest_b.jpg"));
        var sameResponse = await app.Client.PostAsync("/api/v1/poses/compare", same);
        Assert.Equal(HttpStatusCode.OK, sameResponse.StatusCode);
        var sameBody = await JsonAsync(sameResponse);

        using var different = await PairAsync(RepoPaths.Fixture("pairs", "tree_chest_a.jpg"),
            RepoPaths.Fixture("pairs", "squat_bottom_a.jpg"));
        var differentBody = await JsonAsync(await app.Client.PostAsync("/api/v1/poses/compare", different));

        Assert.True(sameBody.GetProperty("score").GetDouble() > differentBody.GetProperty("score").GetDouble() + 20,
            $"same {sameBody.GetProperty("score")} vs different {differentBody.GetProperty("score")}");
        Assert.Equal(17, sameBody.GetProperty("alignedCandidate").GetArrayLength());
        Assert.Equal("similarity", sameBody.GetProperty("model").GetString());
        Assert.NotEmpty(differentBody.GetProperty("feedback").EnumerateArray());

        var saved =
            await JsonAsync(await app.Client.GetAsync($"/api/v1/history/{sameBody.GetProperty("id").GetGuid()}"));
        Assert.Equal("comparison", saved.GetProperty("kind").GetString());
        Assert.Equal(2, saved.GetProperty("media").GetArrayLength());
    }

    [Fact]
    public async Task IdenticalKeypointsScoreNearlyFullMarksWithNothingToCorrect()
    {
        var detect = new MultipartFormDataContent();
        var photo = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.Fixture("pairs", "squat_stand_a.jpg")));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        detect.Add(photo, "image", "stand.jpg");
        var detected = await JsonAsync(await app.Client.PostAsync("/api/v1/poses/detect?model=thunder", detect));
        var keypoints = detected.GetProperty("people")[0].GetProperty("keypoints");

        var response = await app.Client.PostAsJsonAsync("/api/v1/poses/compare",
            new { reference = keypoints, candidate = keypoints, model = "affine" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("score").GetDouble() >= 95, body.GetProperty("score").ToString());
        Assert.Empty(body.GetProperty("feedback").EnumerateArray());
        Assert.False(body.GetProperty("mirrored").GetBoolean());
    }

    [Fact]
    public async Task ASavedAnalysisServesAsReferenceButOnlyForItsOwner()
    {
        var detect = new MultipartFormDataContent();
        var photo = new ByteArrayContent(await File.ReadAllBytesAsync(
            RepoPaths.Fixture("pairs", "tree_overhead_a.jpg")));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        detect.Add(photo, "image", "tree.jpg");
        var analysisId = (await JsonAsync(await app.Client.PostAsync("/api/v1/poses/detect", detect))).GetProperty("id")
            .GetGuid();

        MultipartFormDataContent CandidateWithSavedReference()
        {
            var content = new MultipartFormDataContent { { new StringContent(analysisId.ToString()),
                "referenceAnalysisId" } };
            var file = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("pairs", "tree_overhead_b.jpg")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "candidate", "b.jpg");
            return content;
        }

        using var mine = CandidateWithSavedReference();
        var response = await app.Client.PostAsync("/api/v1/poses/compare", mine);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("score").GetDouble() > 50);

        var stranger = await Infrastructure.ApiClient.CreateSignedInAsync(app.Factory);
        using var theirs = CandidateWithSavedReference();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync("/api/v1/poses/compare", theirs)).StatusCode);
    }

    [Fact]
    public async Task ALibraryPoseServesAsReference()
    {
        var library = await JsonAsync(await app.Client.GetAsync("/api/v1/poses/library"));
        var poseId = library.EnumerateArray().First().GetProperty("id").GetString()!;

        MultipartFormDataContent Request(string id, string view)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(id), "referencePoseId" },
                { new StringContent(view), "referenceView" },
            };
            var file = new ByteArrayContent(File.ReadAllBytes(RepoPaths.Fixture("pairs", "tree_overhead_b.jpg")));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "candidate", "b.jpg");
            return content;
        }

        using (var ok = Request(poseId, "three-quarter"))
        {
            var response = await app.Client.PostAsync("/api/v1/poses/compare", ok);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await JsonAsync(response);
            Assert.InRange(body.GetProperty("score").GetDouble(), 0, 100);
            Assert.Equal(512, body.GetProperty("referenceWidth").GetInt32());
        }
        using (var unknown = Request("no-such-pose", "front"))
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync("/api/v1/poses/compare",
                unknown)).StatusCode);
        using (var badView = Request(poseId, "from-above"))
            Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.PostAsync("/api/v1/poses/compare",
                badView)).StatusCode);
    }

    [Fact]
    public async Task PhotoWithoutAPersonIs422WithAClearMessage()
    {
        var blank = Path.Combine(app.Factory.DataRoot, "blank.jpg");
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            $"-y -loglevel error -f lavfi -i color=c=white:s=320x240 -frames:v 1 \"{blank}\""))!)
            await ffmpeg.WaitForExitAsync();
        using var pair = await PairAsync(RepoPaths.Fixture("pairs", "tree_chest_a.jpg"), blank);
        var response = await app.Client.PostAsync("/api/v1/poses/compare", pair);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("candidate", (await JsonAsync(response)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCandidateIs400AndShortKeypointListsAre400()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.Fixture("pairs", "tree_chest_a.jpg")));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "reference", "a.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.PostAsync("/api/v1/poses/compare",
            content)).StatusCode);

        var tooShort = new[] { new { name = "nose", x = 1, y = 1, score = 1 } };
        var json = await app.Client.PostAsJsonAsync("/api/v1/poses/compare",
            new { reference = tooShort, candidate = tooShort });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }
}
