using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;

namespace PoseGen.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider-specific <see cref="PoseGenDbContext"/>, the media store and the database health check.
    /// <paramref name="dataRoot"/> is the resolved data folder (SQLite file and media live below it).
    /// </summary>
    public static IServiceCollection AddPoseGenData(this IServiceCollection services, IConfiguration configuration,
        DataRoot dataRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton(dataRoot);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = configuration.GetConnectionString("Sqlite");
                if (string.IsNullOrWhiteSpace(sqlite))
                {
                    Directory.CreateDirectory(dataRoot.Path);
                    sqlite = $"Data Source={dataRoot.DatabaseFile}";
                }
                services.AddDbContext<SqlitePoseGenDbContext>(o => Configure(o.UseSqlite(sqlite)));
                services.AddScoped<PoseGenDbContext>(sp => sp.GetRequiredService<SqlitePoseGenDbContext>());
                services.AddSingleton(new DatabaseConnection(DatabaseProvider.Sqlite, sqlite));
                break;
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty.");
                services.AddDbContext<PostgresPoseGenDbContext>(o => Configure(o.UseNpgsql(postgres)));
                services.AddScoped<PoseGenDbContext>(sp => sp.GetRequiredService<PostgresPoseGenDbContext>());
                services.AddSingleton(new DatabaseConnection(DatabaseProvider.Postgres, postgres));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        services.AddSingleton<MediaStore>();
        services.AddScoped<AccountDataService>();
        services.AddHealthChecks().AddDbContextCheck<PoseGenDbContext>("database");
        return services;
    }

    /// <summary>Identity on PoseGen's database; the web layer adds its schemes (cookie, bearer) on top.</summary>
    public static IdentityBuilder AddPoseGenIdentityStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PoseGenDbContext>();

    private static void Configure(DbContextOptionsBuilder builder) =>
        // The migrations are hand-written per provider (EF's design-time package cannot be restored here), so there is
        // no model snapshot for EF to diff against; MigrationsSchemaTests prove instead that the migrated schema equals
        // the model's own create script on both providers.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}

/// <summary>
/// The data folder (absolute) and the one place its sub-folders are named: the SQLite files, users' media and clips
/// waiting for analysis. (The data-protection keys live in the database; a keys/ folder left by older versions is
/// unused.)
/// </summary>
public sealed record DataRoot(string Path)
{
    public string DatabaseFile => System.IO.Path.Combine(Path, "posegen.db");

    public string Media => System.IO.Path.Combine(Path, "media");

    public string Videos => System.IO.Path.Combine(Path, "videos");

    /// <summary>The background-job store (Hangfire's) when the app's database is the embedded SQLite one.</summary>
    public string JobsDatabaseFile => System.IO.Path.Combine(Path, "jobs.db");
}

/// <summary>The provider and connection string the app's database was registered with, for components that keep their
/// own tables beside it (the background-job store).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
