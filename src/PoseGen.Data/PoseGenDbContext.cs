using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PoseGen.Data.Entities;

namespace PoseGen.Data;

/// <summary>
/// The one database of PoseGen: Identity's tables plus profiles, activities (history) and media. Each provider has its
/// own subclass so that each keeps its own migrations set.
/// </summary>
public abstract class PoseGenDbContext(DbContextOptions options) : IdentityDbContext<PoseGenUser>(options)
{
    public DbSet<ProfileEntity> Profiles => Set<ProfileEntity>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    /// <summary>The column type used for JSON documents: jsonb on PostgreSQL, TEXT on SQLite.</summary>
    protected abstract string JsonColumnType { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new ProfileConfiguration());
        builder.ApplyConfiguration(new ActivityConfiguration(JsonColumnType));
        builder.ApplyConfiguration(new MediaFileConfiguration());
    }
}

public sealed class SqlitePoseGenDbContext(DbContextOptions<SqlitePoseGenDbContext> options) : PoseGenDbContext(options)
{
    protected override string JsonColumnType => "TEXT";
}

public sealed class PostgresPoseGenDbContext(DbContextOptions<PostgresPoseGenDbContext> options) : PoseGenDbContext(options)
{
    protected override string JsonColumnType => "jsonb";
}
