using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PoseGen.TestSupport.Redis;

/// <summary>
/// A private redis-server (Debian's redis-server package) on a free loopback port, in memory only (no RDB snapshots, no
/// append-only file), stopped when disposed. The server runs under a small shell that also stops it when the test
/// process ends without disposing it (a killed test host), so no server outlives its test run.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Override = "POSEGEN_REDIS_SERVER";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    // $1 owner pid, $2 redis-server, then its arguments. The loop ends when the owner or the server is gone.
    private const string Script = """
        owner=$1; server=$2; shift 2
        "$server" "$@" &
        redis=$!
        trap 'kill "$redis" 2>/dev/null; exit 0' TERM INT
        while kill -0 "$owner" 2>/dev/null && kill -0 "$redis" 2>/dev/null; do sleep 1; done
        kill "$redis" 2>/dev/null
        wait "$redis"
        """;

    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _stopped;

    private RedisServer(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a server; the caller disposes it.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var binary = Locate();
        // A port probed free can be taken before the server binds it (another test process starting too): retry.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var output = new StringBuilder();
            var process = Start(binary, port, output);
            var server = new RedisServer(process, output, port);
            if (await server.WaitUntilReadyAsync())
                return server;

            await server.DisposeAsync();
            var log = ProcessOutput.Snapshot(output);
            if (attempt >= 3 || !log.Contains("Address already in use", StringComparison.Ordinal))
                throw new InvalidOperationException($"redis-server did not start on port {port}:\n{log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static Process Start(string binary, int port, StringBuilder output)
    {
        var start = new ProcessStartInfo("sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        string[] arguments =
        [
            "-c", Script, "posegen-redis", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), binary,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly",
            "no",
            "--daemonize", "no",
        ];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => ProcessOutput.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessOutput.Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>True once the server answers PING; false when it exited first (a port taken, for instance).</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!_process.HasExited)
        {
            if (await AnswersPingAsync())
                return true;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds:0} " +
                    $"s:\n{ProcessOutput.Snapshot(_output)}");
            await Task.Delay(100);
        }
        return false;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            // Not listening yet (or still loading); the caller polls again until its deadline.
            return false;
        }
    }

    /// <summary>
    /// POSEGEN_REDIS_SERVER if set, else redis-server on the PATH (Debian installs /usr/bin/redis-server).
    /// </summary>
    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Override);
        if (!string.IsNullOrEmpty(fromEnvironment))
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"{Override}={fromEnvironment} does not exist.");
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "redis-server not found on the PATH. Install it with 'apt-get install redis-server' (scripts/test.sh " +
            "does this " +
            $"when it is absent), or point {Override} at the program.");
    }
}
