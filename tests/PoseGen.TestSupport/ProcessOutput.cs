using System.Text;

namespace PoseGen.TestSupport;

/// <summary>
/// A child process's stdout and stderr lines gathered into one buffer from the event threads that deliver them, for the
/// error messages of the helpers that start PostgreSQL tools and redis-server.
/// </summary>
internal static class ProcessOutput
{
    public static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
            return output.ToString();
    }
}
