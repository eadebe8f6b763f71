using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Faults;
using PoseGen.Web.Tests.Generation;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.ScaleOut;

/// <summary>
/// Two app instances on one PostgreSQL database and one Redis, as behind a load balancer that sends each request to
/// either: what one instance issues (a sign-in) or pushes (a hub message), the other honours or delivers.
/// </summary>
public sealed class TwoInstancesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan MessageWait = TimeSpan.FromSeconds(30);
    private readonly SharedBackends _backends = new(database);

    public Task InitializeAsync() => _backends.InitializeAsync();

    public Task DisposeAsync() => _backends.DisposeAsync();

    [Fact]
    public async Task AUserSignedInOnOneInstanceIsSignedInOnTheOther()
    {
        using var a = Instance();
        using var b = Instance();
        var email = BrowserLikeClient.NewEmail();

        using var bearerFromA = await ApiClient.CreateSignedInAsync(a, email);
        using var bearerOnB = b.CreateClient();
        bearerOnB.DefaultRequestHeaders.Authorization = bearerFromA.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await bearerOnB.GetAsync("/api/v1/profile")).StatusCode);

        var cookies = await CookieSignInAsync(a, email);
        using var browserOnB = b.CreateDefaultClient(new CookieContainerHandler(cookies));
        // Signed out, the page redirects to the login form.
        Assert.Equal(HttpStatusCode.OK, (await browserOnB.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task GenerationProgressPushedByOneInstanceReachesTheOwnersConnectionOnTheOther()
    {
        using var a = Instance();
        using var b = Instance();
        // Only A runs jobs, so the progress B's hub connection sees can only have come from A through Redis.
        b.Settings["Jobs:RunServer"] = "false";
        using (var health = JsonDocument.Parse(await a.CreateClient().GetStringAsync("/health")))
            Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status")
                .GetString());
        var email = BrowserLikeClient.NewEmail();
        using var apiOnA = await ApiClient.CreateSignedInAsync(a, email);
        await using var hubOnB = await ConnectAsync(b, await CookieSignInAsync(b, email), "/hubs/generation");
        var messages = Channel.CreateUnbounded<JsonElement>();
        hubOnB.On<JsonElement>("generation", m => messages.Writer.TryWrite(m));

        // The job is accepted, run and announced by instance A alone.
        var id = await GenerationClient.PostAsync(apiOnA, GenerationClient.Request(steps: 2));

        var statuses = new List<string?>();
        using var timeout = new CancellationTokenSource(MessageWait);
        while (statuses is [] or [.., "queued" or "running"])
        {
            var message = await messages.Reader.ReadAsync(timeout.Token);
            if (message.GetProperty("id").GetString() == id)
                statuses.Add(message.GetProperty("status").GetString());
        }
        Assert.Equal("queued", statuses[0]);
        Assert.Equal("done", statuses[^1]);
    }

    [Fact]
    public async Task ClipsWaitingWhenTwoInstancesStartTogetherAreEachAnalysedOnceByOneOfThem()
    {
        // The first instance only accepts jobs, so its clips wait in the job store that every instance shares.
        using var accepting = Instance();
        accepting.Settings["Jobs:RunServer"] = "false";
        using var client = await ApiClient.CreateSignedInAsync(accepting);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await WorkoutFaults.UploadShortClipAsync(client));

        // Two instances that run jobs start together on the same database and data folder (media on a shared volume).
        using var b = accepting.AnotherInstance();
        using var c = accepting.AnotherInstance();
        b.Settings["Jobs:RunServer"] = c.Settings["Jobs:RunServer"] = "true";
        await Task.WhenAll(Task.Run(() => b.Server), Task.Run(() => c.Server));

        foreach (var id in ids)
            Assert.Equal("done", (await WorkoutFaults.PollUntilFinishedAsync(client, id)).GetProperty("status")
                .GetString());

        // Each was started once: one "Processing" in its Hangfire history (a second claim would add its own) and one
        // run counted in its History document.
        var monitoring = accepting.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        // A job's row says done just before its server records it as succeeded.
        var succeeded = monitoring.SucceededJobs(0, 100);
        for (var i = 0; i < 100 && ids.Any(id => !succeeded.Any(j => IsJobOf(j.Value.Job, id))); i++)
        {
            await Task.Delay(100);
            succeeded = monitoring.SucceededJobs(0, 100);
        }
        await using var scope = accepting.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        foreach (var id in ids)
        {
            var job = Assert.Single(succeeded, j => IsJobOf(j.Value.Job, id));
            Assert.Single(monitoring.JobDetails(job.Key).History, h =>
                h.StateName == Hangfire.States.ProcessingState.StateName);
            var document = await db.Activities.Where(a => a.Id == Guid.Parse(id)).Select(a => a.Document).SingleAsync();
            Assert.Equal(1, WorkoutJobDocument.TryRead(document)!.Attempts);
        }
    }

    [Fact]
    public async Task ACancelSentToOneInstanceStopsTheRenderRunningOnTheOther()
    {
        using var accepting = Instance();
        accepting.Settings["Jobs:RunServer"] = "false";
        var generator = new ControlMapGenerator(gated: true);
        using var running = accepting.AnotherInstance();
        running.Settings["Jobs:RunServer"] = "true";
        running.TestServices = s => s.AddSingleton<IPoseImageGenerator>(generator);
        using var client = await ApiClient.CreateSignedInAsync(accepting);
        _ = running.Server;

        var id = await GenerationClient.PostAsync(client, GenerationClient.Request());
        await GenerationClient.PollUntilAsync(client, id, "running");
        var monitoring = running.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        Assert.Equal(1, monitoring.ProcessingCount());

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/generations/{id}")).StatusCode);

        // The render waits on its gate, never opened: only the cancel reaching the other instance can end it.
        for (var i = 0; i < 300 && monitoring.ProcessingCount() > 0; i++)
            await Task.Delay(100);
        Assert.Equal(0, monitoring.ProcessingCount());
        var status = await GenerationClient.JsonAsync(await client.GetAsync($"/api/v1/generations/{id}"));
        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("resultUrl", out var url) && url.ValueKind == JsonValueKind.String);
    }

    private static bool IsJobOf(Hangfire.Common.Job? job, string id) => job?.Args[0] is Guid g && g == Guid.Parse(id);

    private PoseGenWebFactory Instance() =>
        _backends.Instance(s => s.AddSingleton<IPoseImageGenerator>(new ControlMapGenerator()));

    /// <summary>The auth cookie a browser gets from signing in on <paramref name="instance"/>.</summary>
    private static async Task<CookieContainer> CookieSignInAsync(PoseGenWebFactory instance, string email)
    {
        var cookies = new CookieContainer();
        using var browser = instance.CreateDefaultClient(new CookieContainerHandler(cookies));
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login?useCookies=true",
            new { email, password = BrowserLikeClient.Password });
        login.EnsureSuccessStatusCode();
        return cookies;
    }

    private static async Task<HubConnection> ConnectAsync(PoseGenWebFactory instance, CookieContainer cookies,
        string hub)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance.Server.BaseAddress, hub), o =>
            {
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(
                    cookies) { InnerHandler = instance.Server.CreateHandler() };
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        // The handshake is answered before the server subscribes the connection to its user's Redis channel; the server
        // reads invocations only after that subscription, so the answer to any call (here a refused one) proves it is
        // in place.
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("NoSuchMethod"));
        return connection;
    }
}
