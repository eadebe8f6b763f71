using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PoseGen.Inference.Tests.Generation;
using PoseGen.Web.Tests.Infrastructure;
using PoseGen.Web.Tests.Workouts;
using static PoseGen.Web.Tests.Generation.GenerationClient;

namespace PoseGen.Web.Tests.Generation;

/// <summary>
/// The generation hub as the Render page uses it, with the real pipeline on tiny models (no test double).
/// </summary>
public sealed class GenerationHubTests : IDisposable
{
    private readonly string _models = TinyStableDiffusion.Create();

    [Fact]
    public async Task HubClientSeesQueuedThenEachStepWithAPreviewThenDoneForAJobOnTheTinyModels()
    {
        using var factory = new PoseGenWebFactory();
        factory.Settings["Generation:ModelsPath"] = _models;
        var user = await LiveWorkoutUser.SignInAsync(factory);
        await using var hub = await user.ConnectAsync("/hubs/generation");
        var messages = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("generation", m => messages.Writer.TryWrite(m));

        var id = await PostAsync(user.Api, Request(steps: 3));

        var seen = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (seen.Count == 0 || seen[^1].GetProperty("status").GetString() is "queued" or "running")
        {
            var message = await messages.Reader.ReadAsync(timeout.Token);
            if (message.GetProperty("id").GetString() == id) seen.Add(message);
        }
        var statuses = seen.Select(m => m.GetProperty("status").GetString()).ToList();
        Assert.True(statuses[0] == "queued", string.Join(" -> ", statuses));
        Assert.Equal(1, seen[0].GetProperty("queuePosition").GetInt32());
        Assert.Equal("done", statuses[^1]);
        Assert.All(statuses[1..^1], s => Assert.Equal("running", s));

        var running = seen.Where(m => m.GetProperty("status").GetString() == "running").ToList();
        var steps = running.Select(m => m.GetProperty("step").GetInt32()).ToList();
        Assert.Equal([0, 1, 2, 3], steps.Distinct());
        Assert.Equal(steps.Order(), steps);
        Assert.All(running, m => Assert.Equal(3, m.GetProperty("totalSteps").GetInt32()));
        // Every step after the first model run carries a preview; the progress fraction follows the steps.
        Assert.All(running.Where(m => m.GetProperty("step").GetInt32() > 0), m =>
        {
            Assert.Equal($"/api/v1/generations/{id}/preview.png", m.GetProperty("previewUrl").GetString());
            Assert.Equal(Math.Round(m.GetProperty("step").GetInt32() / 3.0, 3), m.GetProperty("progress").GetDouble());
        });

        var resultUrl = seen[^1].GetProperty("resultUrl").GetString()!;
        var png = await user.Api.GetByteArrayAsync(resultUrl);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);
}
