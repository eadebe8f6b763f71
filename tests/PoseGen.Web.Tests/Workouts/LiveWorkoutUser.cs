using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using PoseGen.Application.Workouts;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>
/// A signed-in user of the live workout hub: the bearer API client for REST calls, and the auth cookie the Workout
/// page's SignalR connection carries (the page is cookie-authenticated; the login endpoint issues the same cookie).
/// </summary>
internal sealed class LiveWorkoutUser
{
    private readonly PoseGenWebFactory _factory;
    private readonly CookieContainer _cookies;

    private LiveWorkoutUser(PoseGenWebFactory factory, HttpClient api, CookieContainer cookies)
    {
        _factory = factory;
        Api = api;
        _cookies = cookies;
    }

    public HttpClient Api { get; }

    public static async Task<LiveWorkoutUser> SignInAsync(PoseGenWebFactory factory)
    {
        var email = BrowserLikeClient.NewEmail();
        var api = await ApiClient.CreateSignedInAsync(factory, email);
        var cookies = new CookieContainer();
        using var browser = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login?useCookies=true",
            new { email, password = BrowserLikeClient.Password });
        login.EnsureSuccessStatusCode();
        Assert.NotEmpty(cookies.GetCookies(factory.Server.BaseAddress));
        return new LiveWorkoutUser(factory, api, cookies);
    }

    /// <summary>
    /// The same user on another app instance (a load balancer's other backend): the same bearer token and cookie.
    /// </summary>
    public LiveWorkoutUser On(PoseGenWebFactory instance)
    {
        var api = instance.CreateClient();
        api.DefaultRequestHeaders.Authorization = Api.DefaultRequestHeaders.Authorization;
        return new LiveWorkoutUser(instance, api, _cookies);
    }

    /// <summary>A new hub connection (long polling through the in-memory test server), started.</summary>
    public async Task<HubConnection> ConnectAsync(string hub = "/hubs/workout")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_factory.Server.BaseAddress, hub), o =>
            {
                // The factory's handler replaces SignalR's own HttpClientHandler, so o.Cookies would not be applied:
                // the cookie handler in front of the test server's handler sends them instead.
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(
                    _cookies) { InnerHandler = _factory.Server.CreateHandler() };
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A page's HTML as this user's browser gets it (cookie-authenticated).</summary>
    public async Task<string> PageAsync(string path)
    {
        using var browser = _factory.CreateDefaultClient(new CookieContainerHandler(_cookies));
        var response = await browser.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonElement?> HistoryEntryAsync(Guid id)
    {
        var response = await Api.GetAsync($"/api/v1/history/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

/// <summary>The hub's methods, typed.</summary>
internal static class WorkoutHubCalls
{
    public static Task<LiveWorkoutState> StartSessionAsync(this HubConnection hub, string exercise = "squat",
        string model = "lightning") =>
        hub.InvokeAsync<LiveWorkoutState>("Start", exercise, model);

    public static Task<LiveWorkoutState?> ResumeAsync(this HubConnection hub, Guid sessionId) =>
        hub.InvokeAsync<LiveWorkoutState?>("Resume", sessionId);

    public static Task<LiveWorkoutState> FramesAsync(this HubConnection hub, Guid sessionId,
        IReadOnlyList<LiveFrame> frames) =>
        hub.InvokeAsync<LiveWorkoutState>("Frames", sessionId, frames);

    public static Task<Guid?> StopSessionAsync(this HubConnection hub, Guid sessionId) =>
        hub.InvokeAsync<Guid?>("Stop", sessionId);

    /// <summary>
    /// Sends the frames in batches of <paramref name="batch"/> (the page flushes every 250 ms); answers the last state.
    /// </summary>
    public static async Task<LiveWorkoutState> SendAsync(this HubConnection hub, Guid sessionId,
        IReadOnlyList<LiveFrame> frames, int batch = 8)
    {
        LiveWorkoutState? state = null;
        foreach (var chunk in frames.Chunk(batch))
            state = await hub.FramesAsync(sessionId, chunk);
        return state ?? throw new ArgumentException("No frames to send.", nameof(frames));
    }
}
