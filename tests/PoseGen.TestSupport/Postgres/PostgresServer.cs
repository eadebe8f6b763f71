using System.Globalization;
using System.Text.RegularExpressions;

namespace PoseGen.TestSupport.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb in a temporary folder, a server on a free loopback port with its unix socket
/// inside that folder, trust authentication for the <c>postgres</c> user. Stopped and deleted when disposed or when the
/// process exits; <see cref="ClusterReaper"/> finishes the job when the process is killed first. Tuned for tests, not
/// durability (fsync off).
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        server._shared = true;
        return server;
    });

    private readonly PostgresBinaries _binaries;
    private readonly string? _runAsUser;
    private int _databaseCounter;
    private int _stopped;
    private bool _shared;

    private PostgresServer(PostgresBinaries binaries, string? runAsUser, string folder, int port)
    {
        _binaries = binaries;
        _runAsUser = runAsUser;
        Folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The temporary folder holding the cluster (data/, sock/, server.log).</summary>
    public string Folder { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    private string LogFile => Path.Combine(Folder, "server.log");

    private string DataFolder => Path.Combine(Folder, "data");

    /// <summary>
    /// One cluster for the whole test process, started on first use. Starting costs a couple of seconds, so test
    /// classes share it and isolate themselves with a database each (see <see cref="PostgresDatabase"/>).
    /// </summary>
    public static Task<PostgresServer> GetSharedAsync() => SharedServer.Value;

    /// <summary>Starts a private cluster; the caller disposes it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Locate();
        var runAsUser = Environment.IsPrivilegedProcess ? SuperUser : null;
        StaleClusters.Remove(binaries, runAsUser);

        var folder = Directory.CreateTempSubdirectory(StaleClusters.FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, StaleClusters.OwnerFile),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            ClusterReaper.Watch(binaries, folder, runAsUser);
            Directory.CreateDirectory(Path.Combine(folder, "sock"));
            if (runAsUser is not null)
            {
                await GiveFolderToAsync(folder, runAsUser);
            }

            await ToolRunner.RunCheckedAsync(binaries.InitDb,
                ["-D", Path.Combine(folder, "data"), "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C",
                    "--no-sync", "--no-instructions"],
                folder, ToolTimeout, runAsUser);

            var port = await StartServerAsync(binaries, runAsUser, folder);
            var server = new PostgresServer(binaries, runAsUser, folder, port);
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            // A server that started but never answered must not outlive its deleted folder.
            StaleClusters.StopAndDelete(binaries, folder, runAsUser);
            throw;
        }
    }

    /// <summary>An Npgsql connection string for a database on this server.</summary>
    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database};Include Error Detail=true";

    /// <summary>
    /// Creates an empty database with a unique name built from <paramref name="prefix"/>; returns the name.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "posegen")
    {
        var clean = NonIdentifierChars().Replace(prefix.ToLowerInvariant(), "_");
        var name = $"{clean[..Math.Min(clean.Length, 40)]}_{Interlocked.Increment(ref _databaseCounter)}";
        await ToolRunner.RunCheckedAsync(_binaries.CreateDb, [.. ClientArguments(), name], Folder, ToolTimeout);
        return name;
    }

    /// <summary>Drops a database, closing any connections still open to it (pooled ones included).</summary>
    public async Task DropDatabaseAsync(string name) =>
        await ToolRunner.RunCheckedAsync(_binaries.DropDb, [.. ClientArguments(), "--force", "--if-exists", name],
            Folder, ToolTimeout);

    /// <summary>
    /// Stops the server as an outage would (a fast shutdown: open sessions are ended, clients' next calls fail),
    /// keeping the cluster's data for <see cref="StartAgainAsync"/>. Only for a private cluster: the shared one serves
    /// other tests.
    /// </summary>
    public async Task StopServerAsync()
    {
        EnsurePrivate();
        await ToolRunner.RunCheckedAsync(_binaries.PgCtl, ["stop", "-D", DataFolder, "-m", "fast", "-w", "-t", "60"],
            Folder, ToolTimeout + TimeSpan.FromSeconds(10), _runAsUser);
    }

    /// <summary>
    /// Starts a server stopped by <see cref="StopServerAsync"/> again, on the same port, and waits until it answers.
    /// </summary>
    public async Task StartAgainAsync()
    {
        EnsurePrivate();
        await ToolRunner.RunCheckedAsync(_binaries.PgCtl, PgCtlStart(Folder, Port), Folder,
            ToolTimeout + TimeSpan.FromSeconds(10),
            _runAsUser);
        await WaitUntilReadyAsync();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<int> StartServerAsync(PostgresBinaries binaries, string? runAsUser, string folder)
    {
        // A port probed free can be taken before the server binds it (another test process starting too): retry.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var result = await ToolRunner.RunAsync(binaries.PgCtl, PgCtlStart(folder, port),
                folder, ToolTimeout + TimeSpan.FromSeconds(10), runAsUser);
            if (result.Succeeded)
            {
                return port;
            }

            var log = ReadLog(Path.Combine(folder, "server.log"));
            if (attempt >= 3 || !log.Contains("could not bind", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start (pg_ctl exit code " +
                    $"{result.ExitCode}):\n{result.Output}\nserver.log:\n{log}");
            }
        }
    }

    private static string[] PgCtlStart(string folder, int port)
    {
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k {Path.Combine(folder, "sock")}",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300");
        return ["start", "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", options];
    }

    private void EnsurePrivate()
    {
        if (_shared)
            throw new InvalidOperationException(
                "The shared cluster serves other test classes; stop only a private one (StartAsync).");
    }

    private async Task WaitUntilReadyAsync()
    {
        // pg_ctl -w already waited; pg_isready confirms the TCP listener answers before the first test connects.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await ToolRunner.RunAsync(_binaries.PgIsReady,
                ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "-t", "5"],
                Folder, ToolTimeout);
            if (result.Succeeded)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"PostgreSQL on port {Port} not ready after 30 s: {result.Output}\n" +
                    $"server.log:\n{ReadLog(LogFile)}");
            }

            await Task.Delay(200);
        }
    }

    private string[] ClientArguments() =>
        ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "--no-password"];

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        StaleClusters.StopAndDelete(_binaries, Folder, _runAsUser);
    }

    private static async Task GiveFolderToAsync(string folder, string user)
    {
        var exists = await ToolRunner.RunAsync("id", ["-u", user], folder, ToolTimeout);
        if (!exists.Succeeded)
        {
            throw new InvalidOperationException(
                $"Running as root, the cluster must run as the '{user}' system user (initdb refuses root), but that " +
                "user does not exist. Installing the postgresql-15 package creates it.");
        }

        await ToolRunner.RunCheckedAsync("chown", ["-R", $"{user}:{user}", folder], folder, ToolTimeout);
    }

    private static string ReadLog(string path) => File.Exists(path) ? File.ReadAllText(path) : "(no server.log)";

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NonIdentifierChars();
}
