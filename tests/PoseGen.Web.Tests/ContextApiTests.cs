using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Imaging;
using PoseGen.Imaging;
using PoseGen.TestSupport;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// POST /api/v1/context/classify and the photo context in recommendations, with the real converted models.
/// </summary>
public sealed class ContextApiTests(RecommendationsAppFixture app) : IClassFixture<RecommendationsAppFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static MultipartFormDataContent Form(byte[]? image, string? prompt, string type = "image/jpeg")
    {
        var content = new MultipartFormDataContent();
        if (image is not null)
        {
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, "image", "photo");
        }
        if (prompt is not null)
            content.Add(new StringContent(prompt), "prompt");
        return content;
    }

    private static Task<byte[]> Scene(string file) => File.ReadAllBytesAsync(RepoPaths.Fixture("scenes", file));

    private static List<string> Labels(JsonElement body, string dimension) =>
        [.. body.GetProperty(dimension).EnumerateArray().Select(e => e.GetProperty("label").GetString()!)];

    [Fact]
    public async Task ABeachPhotoGetsABeachWithImageEvidence()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(await Scene("beach_01.jpg"), null);
        var body = await JsonAsync(await client.PostAsync("/api/v1/context/classify", form));

        Assert.Contains("beach", Labels(body, "environment").Take(2));
        foreach (var label in body.GetProperty("environment").EnumerateArray()
            .Concat(body.GetProperty("outfit").EnumerateArray()))
        {
            Assert.Equal("image", label.GetProperty("source").GetString());
            Assert.NotEmpty(label.GetProperty("evidence").EnumerateArray());
            Assert.InRange(label.GetProperty("confidence").GetDouble(), 0, 1);
        }
        Assert.NotEmpty(Labels(body, "outfit"));
        Assert.False(body.GetProperty("indoor").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("lighting").GetString()));
        // Whether the photo's labels are likely enough to act on ("not sure" otherwise).
        Assert.Contains(body.GetProperty("environmentSure").ValueKind,
            new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(body.GetProperty("outfitSure").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task AnExplicitPromptWinsOverThePhoto()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(await Scene("beach_01.jpg"), "in my office");
        var body = await JsonAsync(await client.PostAsync("/api/v1/context/classify", form));
        var first = body.GetProperty("environment")[0];
        Assert.Equal("office", first.GetProperty("label").GetString());
        Assert.Equal("prompt", first.GetProperty("source").GetString());
        Assert.Contains("beach", Labels(body, "environment"));
    }

    [Fact]
    public async Task APromptAloneNeedsNoPhoto()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(null, "yoga on the beach in my swimsuit");
        var body = await JsonAsync(await client.PostAsync("/api/v1/context/classify", form));
        Assert.Equal("beach", Labels(body, "environment")[0]);
        Assert.Equal("swimwear", Labels(body, "outfit")[0]);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("indoor").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("environmentSure").ValueKind);
    }

    [Fact]
    public async Task APhotoWithoutAPersonStillGetsAnEnvironment()
    {
        var codec = app.Factory.Services.GetRequiredService<IImageCodec>();
        var pixels = new byte[320 * 240 * 3];
        for (var i = 0; i < pixels.Length; i += 3)
            (pixels[i], pixels[i + 1], pixels[i + 2]) = ((byte)(55 + (i / 3 % 7)), (byte)(135 + (i / 3 % 11)),
                (byte)50);
        var png = codec.Encode(new RgbImage(320, 240, pixels), EncodeFormat.Png, 90);
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(png, null, "image/png");
        var body = await JsonAsync(await client.PostAsync("/api/v1/context/classify", form));
        Assert.Equal("park", Labels(body, "environment")[0]);
        Assert.Empty(Labels(body, "outfit"));
    }

    [Fact]
    public async Task NeitherPhotoNorPromptIsAProblem400()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(null, null);
        form.Add(new StringContent("x"), "unused");
        var response = await client.PostAsync("/api/v1/context/classify", form);
        response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NotAPictureIsAProblem415()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form("just some text, not a picture"u8.ToArray(), null);
        var response = await client.PostAsync("/api/v1/context/classify", form);
        response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task WithoutSignInTheApiAnswers401()
    {
        using var anonymous = app.Factory.CreateClient();
        using var form = Form(null, "beach");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/context/classify",
            form)).StatusCode);
    }

    [Fact]
    public async Task RecommendationsWithAPhotoTakeTheEnvironmentFromIt()
    {
        var client = await ApiClient.CreateSignedInAsync(app.Factory);
        using var form = Form(await Scene("snow_01.jpg"), null);
        form.Add(new StringContent("5"), "count");
        var body = await JsonAsync(await client.PostAsync("/api/v1/recommendations", form));
        var environment = body.GetProperty("context").GetProperty("environment");
        Assert.Equal("snow", environment[0].GetProperty("label").GetString());
        Assert.Equal("image", environment[0].GetProperty("source").GetString());
        Assert.Equal("winter", body.GetProperty("context").GetProperty("outfit")[0].GetProperty("label").GetString());
    }
}
