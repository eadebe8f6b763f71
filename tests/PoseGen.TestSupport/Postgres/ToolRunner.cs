using System.Diagnostics;
using System.Text;

namespace PoseGen.TestSupport.Postgres;

/// <summary>The result of one external command: exit code and everything it printed (stdout then stderr).</summary>
internal sealed record ToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs PostgreSQL's command-line tools, optionally as another user (initdb refuses to run as root).</summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string? runAsUser = null)
    {
        var start = CreateStartInfo(fileName, arguments, workingDirectory, runAsUser);
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        Start(process, output);

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} " +
                $"s:\n{ProcessOutput.Snapshot(output)}");
        }

        // The parameterless overload waits for the redirected streams to drain.
        process.WaitForExit();
        return new ToolResult(process.ExitCode, ProcessOutput.Snapshot(output));
    }

    /// <summary>Blocking variant for process-exit handlers, where nothing can be awaited.</summary>
    public static ToolResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string? runAsUser = null)
    {
        var start = CreateStartInfo(fileName, arguments, workingDirectory, runAsUser);
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        Start(process, output);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ToolResult(-1, ProcessOutput.Snapshot(output) + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, ProcessOutput.Snapshot(output));
    }

    private static ProcessStartInfo CreateStartInfo(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        string? runAsUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAsUser is null ? fileName : "runuser",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null)
        {
            foreach (var prefix in new[] { "-u", runAsUser, "--", fileName })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // LC_ALL=C keeps tool messages in English so the errors we match on (and report) are stable.
        start.Environment["LC_ALL"] = "C";
        start.Environment.Remove("PGDATA");
        start.Environment.Remove("PGPORT");
        start.Environment.Remove("PGHOST");
        return start;
    }

    private static void Start(Process process, StringBuilder output)
    {
        process.OutputDataReceived += (_, e) => ProcessOutput.Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessOutput.Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task<ToolResult> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string? runAsUser = null)
    {
        var args = arguments.ToArray();
        var result = await RunAsync(fileName, args, workingDirectory, timeout, runAsUser);
        return result.Succeeded
            ? result
            : throw new InvalidOperationException(
                $"'{Path.GetFileName(fileName)} {string.Join(' ', args)}' failed with exit code " +
                $"{result.ExitCode}:\n{result.Output}");
    }
}
