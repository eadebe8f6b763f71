using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation;
using PoseGen.Core.History;
using PoseGen.Core.Library;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Services;
using PoseGen.Web.Services.Generation;
using PoseGen.Web.Tests.Infrastructure;
using static PoseGen.Web.Tests.Generation.GenerationClient;

namespace PoseGen.Web.Tests.Generation;

public sealed class GeneratorAppFixture : IAsyncLifetime
{
    public PoseGenWebFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.TestServices = s => s.AddSingleton<IPoseImageGenerator>(new ControlMapGenerator());
        Client = await ApiClient.CreateSignedInAsync(Factory);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class GenerationApiTests(GeneratorAppFixture app) : IClassFixture<GeneratorAppFixture>
{
    private IImageCodec Codec => app.Factory.Services.GetRequiredService<IImageCodec>();

    private RgbImageBytes ExpectedMap(string poseId = "warrior-2")
    {
        var library = PoseLibrary.Default;
        var joints = library.Project(library.Find(poseId)!, PoseView.Front, null, 512, 512).ToOpenPose();
        return new RgbImageBytes(OpenPoseMapRenderer.Render(512, 512, joints).Pixels);
    }

    private sealed record RgbImageBytes(byte[] Pixels);

    [Fact]
    public async Task QueuesARenderAndServesTheResultAndMapToTheOwnerOnly()
    {
        var id = await PostAsync(app.Client, Request());
        var status = await PollUntilAsync(app.Client, id, "done", "failed", "cancelled");

        Assert.Equal("done", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("progress").GetDouble());
        Assert.Equal(3, status.GetProperty("step").GetInt32());
        var map = Codec.Decode(await app.Client.GetByteArrayAsync(status.GetProperty("mapUrl").GetString()));
        Assert.Equal(ExpectedMap().Pixels, map.Pixels);
        var result = Codec.Decode(await app.Client.GetByteArrayAsync(status.GetProperty("resultUrl").GetString()));
        Assert.Equal(ControlMapGenerator.Invert(map.Pixels), result.Pixels);
        Assert.Contains(id, await app.Client.GetStringAsync("/api/v1/history?kind=generation"),
            StringComparison.OrdinalIgnoreCase);

        using var stranger = await ApiClient.CreateSignedInAsync(app.Factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/generations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/generations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(
            status.GetProperty("resultUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task RendersTheOpenPoseMapOfALibraryPoseWithoutGenerating()
    {
        var response = await app.Client.GetAsync("/api/v1/generations/openpose-map?poseId=warrior-2&view=front");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ExpectedMap().Pixels, Codec.Decode(await response.Content.ReadAsByteArrayAsync()).Pixels);
    }

    public static TheoryData<string> BadRequests() => new()
    {
        """{"poseId":"warrior-2","prompt":"x","scheduler":"plms"}""",
        """{"poseId":"warrior-2","prompt":"x","width":640,"height":480}""",
        """{"poseId":"warrior-2","prompt":""}""",
        """{"poseId":"warrior-2","prompt":"x","steps":0}""",
        """{"poseId":"warrior-2","prompt":"x","guidance":100}""",
        """{"poseId":"warrior-2","prompt":"x","view":"upside-down"}""",
        """{"poseId":"warrior-2","keypoints":[1,2,3],"prompt":"x"}""",
        """{"keypoints":[1,2,3],"prompt":"x"}""",
        """{"prompt":"x"}""",
        """{"poseId":"warrior-2","prompt":"x","steps":"many"}""",
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task RefusesBadInputWithProblemDetails(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await app.Client.PostAsync("/api/v1/generations", content);

        response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnUnknownLibraryPoseIsNotFound()
    {
        var response = await app.Client.PostAsJsonAsync("/api/v1/generations",
            new { poseId = "no-such-pose", prompt = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(1, "done")]
    [InlineData(2, "failed")]
    public async Task AJobLeftRunningByAnEarlierProcessIsRunAtStartUpUnlessItDiedInItTwice(int attempts,
        string expected)
    {
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(app.Factory, email);
        var services = app.Factory.Services;
        var id = Guid.NewGuid();
        using (var scope = services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<PoseGenUser>>()
                .FindByEmailAsync(email);
            var map = await scope.ServiceProvider.GetRequiredService<MediaStore>()
                .SaveAsync(user!.Id, Codec.Encode(new PoseGen.Core.Imaging.RgbImage(512, 512, ExpectedMap().Pixels),
                    EncodeFormat.Png), "image/png", CancellationToken.None);
            var parameters = new GenerationParameters("a dancer", "", 2, "ddim", 7, 7.5f, 1, 512, 512, null, 0.75f,
                "keypoints");
            await scope.ServiceProvider.GetRequiredService<HistoryService>()
                .AddAsync(user.Id, ActivityKind.Generation, "Render", null,
                new GenerationJobDocument(GenerationJobDocument.Running, 0.5, 1, parameters, new float[54], map.Id,
                    null, null, attempts),
                [map], map.Id, CancellationToken.None, id);
        }

        // Its job, still in the job store, is fetched again (as after the restart) by the app's own job server.
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<GenerationJob>(job =>
            job.RunAsync(id, null, CancellationToken.None));
        var status = await PollUntilAsync(client, id.ToString(), "done", "failed", "cancelled");

        Assert.Equal(expected, status.GetProperty("status").GetString());
        if (expected == "failed")
        {
            Assert.Equal(GenerationJob.InterruptedMessage, status.GetProperty("error").GetString());
            return;
        }
        var result = Codec.Decode(await client.GetByteArrayAsync(status.GetProperty("resultUrl").GetString()));
        Assert.Equal(ControlMapGenerator.Invert(ExpectedMap().Pixels), result.Pixels);
    }
}
