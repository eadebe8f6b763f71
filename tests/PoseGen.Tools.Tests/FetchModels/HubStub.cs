using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PoseGen.Tools.Tests.FetchModels;

/// <summary>
/// The two Hugging Face endpoints scripts/fetch-models uses, on loopback: the tree listing
/// (<c>/api/models/{repo}/tree/main</c>) and file downloads (<c>/{repo}/resolve/main/{path}</c>, with byte ranges so
/// that a resumed download can be served). Every download request is recorded.
/// </summary>
internal sealed class HubStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _listings;
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _loop;

    public HubStub(Dictionary<string, string> listings, Dictionary<string, byte[]>? files = null)
    {
        _listings = listings;
        _files = files ?? [];
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>"repo/path" of each download request, with its Range header (empty when none).</summary>
    public ConcurrentQueue<(string File, string Range)> Downloads { get; } = new();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (path.StartsWith("/api/models/", StringComparison.Ordinal)
                && path.EndsWith("/tree/main", StringComparison.Ordinal))
            {
                var repo = path["/api/models/".Length..^"/tree/main".Length];
                if (context.Request.QueryString["recursive"] == "true" && _listings.TryGetValue(repo, out var json))
                    await WriteAsync(response, 200, System.Text.Encoding.UTF8.GetBytes(json), "application/json");
                else
                    response.StatusCode = 404;
                continue;
            }
            var marker = path.IndexOf("/resolve/main/", StringComparison.Ordinal);
            var file = marker < 0 ? "" : path[1..marker] + "/" + path[(marker + "/resolve/main/".Length)..];
            var range = context.Request.Headers["Range"] ?? "";
            Downloads.Enqueue((file, range));
            if (!_files.TryGetValue(file, out var bytes))
            {
                response.StatusCode = 404;
                continue;
            }
            var from = range.StartsWith("bytes=", StringComparison.Ordinal)
                ? long.Parse(range[6..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (from > 0)
                response.Headers["Content-Range"] = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
            await WriteAsync(response, from > 0 ? 206 : 200, bytes[(int)from..], "application/octet-stream");
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, byte[] body, string type)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
