namespace PoseGen.TestSupport.Postgres;

/// <summary>
/// Removes clusters left behind by test processes that died before their exit handler ran (a killed test host,
/// a debugger stop). Each cluster folder records the id of the process that owns it; a folder whose owner is gone
/// has its server stopped and is deleted.
/// </summary>
internal static class StaleClusters
{
    public const string FolderPrefix = "posegen-pg-";
    public const string OwnerFile = "owner.pid";

    public static void Remove(PostgresBinaries binaries, string? runAsUser)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (OwnerIsAlive(folder))
            {
                continue;
            }

            StopAndDelete(binaries, folder, runAsUser);
        }
    }

    /// <summary>
    /// Stops the cluster's server if it runs (immediate: the data is thrown away) and deletes the folder.
    /// </summary>
    public static void StopAndDelete(PostgresBinaries binaries, string folder, string? runAsUser)
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            ToolRunner.Run(binaries.PgCtl, ["stop", "-D", data, "-m", "immediate", "-w", "-t", "20"],
                folder, TimeSpan.FromSeconds(30), runAsUser);
        }

        TryDelete(folder);
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be removing the same folder, or it belongs to another user; a leftover folder in
            // the temp directory does no harm, so cleaning up must never fail a test run.
        }
    }

    private static bool OwnerIsAlive(string folder)
    {
        var ownerFile = Path.Combine(folder, OwnerFile);
        if (!File.Exists(ownerFile))
        {
            // Being created right now by another process (the owner file is written first) or not ours.
            return Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10);
        }

        return int.TryParse(File.ReadAllText(ownerFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}");
    }
}
