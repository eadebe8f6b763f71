namespace PoseGen.Data;

/// <summary>
/// Section "Database". The connection strings come from "ConnectionStrings:Sqlite" / "ConnectionStrings:Postgres".
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations at start-up (on by default; off where a deployment migrates separately).
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;
}
