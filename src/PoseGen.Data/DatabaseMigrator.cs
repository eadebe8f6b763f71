using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PoseGen.Data;

public static partial class DatabaseMigrator
{
    /// <summary>Applies this provider's pending migrations (when Database:MigrateOnStartup is on).</summary>
    public static async Task MigratePoseGenDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStartup)
            return;
        var db = scope.ServiceProvider.GetRequiredService<PoseGenDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            LogApplying(logger, options.Provider, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Provider} migrations: {Migrations}")]
    private static partial void LogApplying(ILogger logger, DatabaseProvider provider, string migrations);
}
