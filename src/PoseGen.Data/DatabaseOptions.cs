using System.ComponentModel.DataAnnotations;

namespace PoseGen.Data;

public enum DatabaseProvider { Sqlite, Postgres }

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

/// <summary>Section "Storage": where the SQLite file and users' media live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute, or relative to the repository root (the content root when published).</summary>
    [Required]
    public string DataRoot { get; set; } = "data";
}
