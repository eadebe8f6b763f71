namespace PoseGen.TestSupport.Postgres;

/// <summary>
/// The server and client programs of a local PostgreSQL installation (Debian's postgresql-NN package).
/// </summary>
internal sealed record PostgresBinaries(string Directory)
{
    public const string PreferredDirectory = "/usr/lib/postgresql/15/bin";
    private const string Override = "POSEGEN_PG_BIN";

    private static readonly string[] Required = ["initdb", "pg_ctl", "pg_isready", "createdb", "dropdb", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");
    public string PgIsReady => Path.Combine(Directory, "pg_isready");
    public string CreateDb => Path.Combine(Directory, "createdb");
    public string DropDb => Path.Combine(Directory, "dropdb");

    /// <summary>
    /// POSEGEN_PG_BIN if set, else Debian's PostgreSQL 15, else the newest /usr/lib/postgresql/NN/bin present
    /// (Ubuntu releases ship other major versions; the tests need nothing specific to 15).
    /// </summary>
    public static PostgresBinaries Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Override);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Validate(fromEnvironment, $"{Override}={fromEnvironment}");
        }

        if (HasAll(PreferredDirectory))
        {
            return new PostgresBinaries(PreferredDirectory);
        }

        var newest = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v
                    : 0))
                .Where(c => HasAll(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        return newest is not null ? new PostgresBinaries(newest) : Validate(PreferredDirectory, "the default location");
    }

    private static bool HasAll(string directory) => Required.All(name => File.Exists(Path.Combine(directory, name)));

    private static PostgresBinaries Validate(string directory, string origin)
    {
        var missing = Required.Where(name => !File.Exists(Path.Combine(directory, name))).ToArray();
        return missing.Length == 0
            ? new PostgresBinaries(directory)
            : throw new InvalidOperationException(
                $"PostgreSQL server binaries not found in {directory} ({origin}); missing: " +
                $"{string.Join(", ", missing)}. " +
                "Install them with 'apt-get install postgresql-15' (scripts/test.sh does this when they are absent), " +
                $"or point {Override} at a PostgreSQL bin directory.");
    }
}
