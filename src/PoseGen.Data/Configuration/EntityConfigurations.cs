using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PoseGen.Data.Entities;

namespace PoseGen.Data;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<ProfileEntity>
{
    public void Configure(EntityTypeBuilder<ProfileEntity> builder)
    {
        builder.ToTable("Profiles");
        builder.Property(p => p.DisplayName).HasMaxLength(PoseGen.Core.Profiles.UserProfile.MaxDisplayName);
        builder.HasKey(p => p.UserId);
        builder.HasOne<PoseGenUser>().WithOne().HasForeignKey<ProfileEntity>(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(32);
        // Enum sets as JSON arrays of names: readable in the database and stable when enum members are appended.
        builder.PrimitiveCollection(p => p.Goals).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(p => p.Limitations).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(p => p.Preferences);
        builder.Property(p => p.WeeklyGoalKind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class ActivityConfiguration(string jsonColumnType) : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.HasKey(a => a.Id);
        builder.HasOne<PoseGenUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.Document).HasColumnType(jsonColumnType);
        builder.HasIndex(a => new { a.UserId, a.CreatedAtUtc });
        builder.Property(a => a.Exercise).HasMaxLength(64);
        builder.HasIndex(a => new { a.UserId, a.Kind, a.CreatedAtUtc });
        builder.HasMany(a => a.Media).WithOne().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.SetNull);
        // Deleted entries wait for undo or the purge; everything else reads as if they were gone (IgnoreQueryFilters to
        // see them).
        builder.HasQueryFilter(a => a.DeletedAtUtc == null);
        builder.HasIndex(a => a.DeletedAtUtc);
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.HasKey(m => m.Id);
        builder.HasOne<PoseGenUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.RelativePath).HasMaxLength(400);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class PoseFeedbackConfiguration : IEntityTypeConfiguration<PoseFeedbackEntity>
{
    public void Configure(EntityTypeBuilder<PoseFeedbackEntity> builder)
    {
        builder.ToTable("PoseFeedback");
        builder.HasKey(f => new { f.UserId, f.PoseId });
        builder.HasOne<PoseGenUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.PoseId).HasMaxLength(64);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
