using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;

namespace PoseGen.Data.Tests;

/// <summary>
/// The hand-written migrations must produce exactly the schema the EF model describes (what EnsureCreated builds from
/// the model), on both providers. This replaces EF's snapshot check, which needs the design-time package: change the
/// model without adding a migration and these tests fail.
/// </summary>
public sealed class MigrationsSchemaTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("posegen-schema-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SqliteMigrationsMatchTheModel()
    {
        await using var migrated = Sqlite("migrated.db");
        await migrated.Database.MigrateAsync();
        await using var created = Sqlite("created.db");
        await created.Database.EnsureCreatedAsync();

        var expected = await SchemaAsync(created, SqliteSchemaSql);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaAsync(migrated, SqliteSchemaSql));
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task PostgresMigrationsMatchTheModel()
    {
        await using (var migrated = Postgres(postgres.ConnectionString))
        {
            await migrated.Database.MigrateAsync();
            var actual = await SchemaAsync(migrated, PostgresSchemaSql);
            await migrated.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            await using var created = Postgres(postgres.ConnectionString);
            await created.Database.EnsureCreatedAsync();
            var expected = await SchemaAsync(created, PostgresSchemaSql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    private SqlitePoseGenDbContext Sqlite(string file) =>
        new(new DbContextOptionsBuilder<SqlitePoseGenDbContext>().UseSqlite(
            $"Data Source={Path.Combine(_folder, file)};Pooling=False").Options);

    private static PostgresPoseGenDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresPoseGenDbContext>().UseNpgsql(connectionString).Options);

    // One row per column, foreign key and index, normalised so that only real differences show.
    private const string SqliteSchemaSql = """
        SELECT 'col ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
          FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence')
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
          FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND m.name <> '__EFMigrationsLock'
        UNION ALL
        SELECT 'idx ' || m.tbl_name || ' ' || m.name || ' ' || coalesce(m.sql, '')
          FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name NOT LIKE '__EFMigrations%'
        """;

    private const string PostgresSchemaSql = """
        SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' '
               || coalesce(character_maximum_length::text, '')
               || ' nullable=' || is_nullable || ' identity=' || is_identity
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        UNION ALL
        SELECT 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        UNION ALL
        SELECT 'idx ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
        """;

    private static async Task<List<string>> SchemaAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
