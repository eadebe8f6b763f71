using System.Diagnostics;
using System.Globalization;

namespace PoseGen.TestSupport.Postgres;

/// <summary>
/// A detached shell that outlives the test process, waits for it to end, then stops the cluster and deletes its folder.
/// Needed because the test platform kills its test host a few milliseconds after the last result, which is too soon for
/// an exit handler to stop PostgreSQL, and because a crashed or killed host runs no handler at all.
/// </summary>
internal static class ClusterReaper
{
    // $1 owner pid, $2 data dir, $3 cluster folder, $4 pg_ctl; "$@" after four shifts: the runuser prefix, if any.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner=$1; data=$2; folder=$3; pg_ctl=$4; shift 4
        while kill -0 "$owner"; do sleep 1; done
        if [ -f "$data/postmaster.pid" ]; then "$@" "$pg_ctl" stop -D "$data" -m immediate -w -t 20; fi
        rm -rf "$folder"
        """;

    public static void Watch(PostgresBinaries binaries, string folder, string? runAsUser)
    {
        // setsid --fork: the shell is re-parented to init at once, so killing the test host's process tree spares it.
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        string[] arguments =
        [
            "--fork", "sh", "-c", Script, "posegen-pg-reaper",
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, "data"), folder,
            binaries.PgCtl,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (runAsUser is not null)
        {
            foreach (var argument in new[] { "runuser", "-u", runAsUser, "--" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start setsid for the PostgreSQL cleanup watcher.");
        process.WaitForExit();
    }
}
