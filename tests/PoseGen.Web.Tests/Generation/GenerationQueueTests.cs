using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Core.Abstractions;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;
using static PoseGen.Web.Tests.Generation.GenerationClient;

namespace PoseGen.Web.Tests.Generation;

public sealed class GenerationQueueTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static PoseGenWebFactory Gated(ControlMapGenerator generator,
        DatabaseProvider provider = DatabaseProvider.Sqlite, string? connection = null)
    {
        var factory = new PoseGenWebFactory(provider, connection) { TestServices = s =>
            s.AddSingleton<IPoseImageGenerator>(generator) };
        factory.Settings["Generation:MaxQueue"] = "1";
        return factory;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CancelsQueuedAndRunningJobsAndSaysBusyWhenTheLineIsFull(DatabaseProvider provider)
    {
        var generator = new ControlMapGenerator(gated: true);
        using var factory = Gated(generator, provider, provider == DatabaseProvider.Postgres ? database.ConnectionString
            : null);
        using var client = await ApiClient.CreateSignedInAsync(factory);

        var running = await PostAsync(client, Request());
        await PollUntilAsync(client, running, "running");
        var queued = await PostAsync(client, Request());
        var waiting = await JsonAsync(await client.GetAsync($"/api/v1/generations/{queued}"));
        Assert.Equal("queued", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("queuePosition").GetInt32());

        var full = await client.PostAsJsonAsync("/api/v1/generations", Request());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Contains("busy", (await JsonAsync(full)).GetProperty("detail").GetString(),
            StringComparison.OrdinalIgnoreCase);

        var cancelledWhileQueued = await JsonAsync(await client.DeleteAsync($"/api/v1/generations/{queued}"));
        Assert.Equal("cancelled", cancelledWhileQueued.GetProperty("status").GetString());

        generator.Gate!.Release(); // one step done, the job is mid-way
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/generations/{running}")).StatusCode);
        var stopped = await PollUntilAsync(client, running, "cancelled", "done", "failed");
        Assert.Equal("cancelled", stopped.GetProperty("status").GetString());
        Assert.False(stopped.TryGetProperty("resultUrl", out var url)
            && url.ValueKind == System.Text.Json.JsonValueKind.String);

        // The line is free again: a new job runs to the end once the generator may proceed.
        generator.Gate.Release(100);
        var next = await PostAsync(client, Request());
        Assert.Equal("done", (await PollUntilAsync(client, next, "done", "failed", "cancelled")).GetProperty("status")
            .GetString());
    }

    [Fact]
    public async Task OneUserCannotFillTheLineForEveryone()
    {
        var generator = new ControlMapGenerator(gated: true);
        using var factory = new PoseGenWebFactory { TestServices = s =>
            s.AddSingleton<IPoseImageGenerator>(generator) };
        factory.Settings["Generation:MaxQueue"] = "4";
        factory.Settings["Generation:MaxQueuedPerUser"] = "2";
        using var greedy = await ApiClient.CreateSignedInAsync(factory);
        using var other = await ApiClient.CreateSignedInAsync(factory);

        var running = await PostAsync(greedy, Request());
        await PollUntilAsync(greedy, running, "running");
        await PostAsync(greedy, Request());
        await PostAsync(greedy, Request());
        var refused = await greedy.PostAsJsonAsync("/api/v1/generations", Request());

        refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.Contains("2 renders waiting", (await JsonAsync(refused)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        var history = System.Text.Json.JsonDocument.Parse(await greedy.GetStringAsync(
            "/api/v1/history?kind=generation")).RootElement;
        Assert.Equal(3, history.GetArrayLength());
        // The line still has room, and another user gets it.
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/v1/generations",
            Request())).StatusCode);
        generator.Gate!.Release(1000);
    }

    [Fact]
    public async Task SaysGenerationIsNotInstalledAndHowToInstallIt()
    {
        using var factory = new PoseGenWebFactory();
        using var client = await ApiClient.CreateSignedInAsync(factory);

        var response = await client.PostAsJsonAsync("/api/v1/generations", Request());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var detail = (await JsonAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains("not installed", detail, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-models", detail, StringComparison.Ordinal);
        // Said once (the page used to show the generator's message and then the same advice again).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(detail, "not installed"));
        // Said in the app's own terms, never with the server's folders.
        Assert.DoesNotContain(PoseGen.TestSupport.RepoPaths.Root, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.DataRoot, detail, StringComparison.Ordinal);
        // The conditioning map needs no models.
        Assert.Equal(HttpStatusCode.OK,
            (await client.GetAsync("/api/v1/generations/openpose-map?poseId=warrior-2&view=side")).StatusCode);
    }

    [Theory]
    [InlineData("Generation:MaxQueue", "0")]
    [InlineData("Generation:MaxQueuedPerUser", "-1")]
    public void AQueueLimitOutsideItsRangeStopsTheAppAtStartNamingTheSetting(string key, string value)
    {
        using var factory = new PoseGenWebFactory();
        factory.Settings[key] = value;

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            factory.CreateClient());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }
}
