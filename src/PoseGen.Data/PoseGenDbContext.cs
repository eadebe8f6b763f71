using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PoseGen.Data.Entities;

namespace PoseGen.Data;

/// <summary>
/// The one database of PoseGen: Identity's tables plus profiles, activities (history), media, pose feedback and the
/// data-protection key ring (in the database so that every instance behind a load balancer reads sign-in cookies and
/// tokens issued by any other). Each provider has its own subclass so that each keeps its own migrations set.
/// </summary>
public abstract class PoseGenDbContext(DbContextOptions options) : IdentityDbContext<PoseGenUser>(options),
    IDataProtectionKeyContext
{
    public DbSet<ProfileEntity> Profiles => Set<ProfileEntity>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<PoseFeedbackEntity> PoseFeedback => Set<PoseFeedbackEntity>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The column type used for JSON documents: jsonb on PostgreSQL, TEXT on SQLite.</summary>
    protected abstract string JsonColumnType { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new ProfileConfiguration());
        builder.ApplyConfiguration(new ActivityConfiguration(JsonColumnType));
        builder.ApplyConfiguration(new MediaFileConfiguration());
        builder.ApplyConfiguration(new PoseFeedbackConfiguration());
    }
}

public sealed class SqlitePoseGenDbContext(DbContextOptions<SqlitePoseGenDbContext> options) : PoseGenDbContext(options)
{
    protected override string JsonColumnType => "TEXT";
}

public sealed class PostgresPoseGenDbContext(DbContextOptions<PostgresPoseGenDbContext> options) : PoseGenDbContext(
    options)
{
    protected override string JsonColumnType => "jsonb";
}
