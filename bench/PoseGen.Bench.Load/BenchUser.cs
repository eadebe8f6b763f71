using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace PoseGen.Bench.Load;

/// <summary>
/// One simulated person: an account of its own and an HttpClient whose connections all leave from its own loopback
/// address (127.0.x.y), so the app's per-address limits (registration, sign-in) see a different client for each user,
/// as they would for people on different machines. Linux answers every 127.0.0.0/8 address, so an app listening on
/// 127.0.0.1 accepts connections bound to any of them.
/// </summary>
public sealed class BenchUser : IDisposable
{
    private const string Password = "Bench-password-1";

    private BenchUser(HttpClient http, IPAddress source)
    {
        Http = http;
        Source = source;
    }

    public HttpClient Http { get; }

    public IPAddress Source { get; }

    /// <summary>
    /// The loopback source address of user number <paramref name="index"/> (0-based): 127.0.0.2, 127.0.0.3, ...
    /// </summary>
    public static IPAddress SourceAddress(int index) =>
        new(new byte[] { 127, 0, (byte)(index / 250), (byte)(index % 250 + 2) });

    /// <summary>
    /// A client bound to <paramref name="source"/> (null: the system's choice, for a non-loopback app).
    /// </summary>
    public static HttpClient CreateClient(Uri baseAddress, IPAddress? source) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, source, ct),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseAddress,
            // Far above any answer the app should give (its queue deadline is 10 s): a request still open after this
            // counts as a timeout, which is a failure of the run.
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>
    /// Registers and signs in a fresh account from the user's own address; the bearer token goes on every request.
    /// </summary>
    public static async Task<BenchUser> SignUpAsync(Uri baseAddress, int index, string runTag, CancellationToken ct)
    {
        var source = IPAddress.TryParse(baseAddress.Host, out var host)
            && host.AddressFamily == AddressFamily.InterNetwork
            && IPAddress.IsLoopback(host) ? SourceAddress(index) : null;
        var http = CreateClient(baseAddress, source);
        try
        {
            var email = $"load-{runTag}-{index}@example.com";
            using (var register = await http.PostAsJsonAsync("/api/v1/auth/register",
                new { email, password = Password }, ct))
                await EnsureAsync(register, "register", ct);
            using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, ct);
            await EnsureAsync(login, "login", ct);
            using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct));
            var token = body.RootElement.GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new BenchUser(http, source ?? IPAddress.None);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Signs up <paramref name="count"/> users, a few at a time (password hashing is the app's CPU too).
    /// </summary>
    public static async Task<List<BenchUser>> SignUpManyAsync(Uri baseAddress, int first, int count, string runTag,
        CancellationToken ct)
    {
        var users = new BenchUser[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => users[i] = await SignUpAsync(baseAddress, first + i, runTag, token));
        return [.. users];
    }

    public void Dispose() => Http.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, IPAddress? source, CancellationToken ct)
    {
        var socket = source is null
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (source is not null)
                socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(endpoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string step, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
