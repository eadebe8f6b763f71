using PoseGen.Core.History;

namespace PoseGen.Data.Entities;

/// <summary>
/// One thing a user did (an analysis, a comparison, a workout ...). <see cref="Document"/> holds the full result as a
/// JSON document (jsonb on PostgreSQL), so each feature keeps its own shape without a table per result type.
/// </summary>
public sealed class Activity
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public ActivityKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Document { get; set; }
    public Guid? ThumbnailId { get; set; }

    /// <summary>When the user deleted the entry: hidden from every query at once (a query filter), restorable for a few
    /// seconds, then purged with its files. Null while the entry is live.</summary>
    public DateTime? DeletedAtUtc { get; set; }

    // The dashboard's figures (ActivityFigures), in columns so the database aggregates them; null where they do not
    // apply.
    public string? Exercise { get; set; }
    public int? GoodReps { get; set; }
    public int? ImproperReps { get; set; }
    public double? Score { get; set; }
    public double? Seconds { get; set; }

    public void SetFigures(ActivityFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        (Exercise, GoodReps, ImproperReps, Score, Seconds) = (figures.Exercise, figures.GoodReps, figures.ImproperReps,
            figures.Score, figures.Seconds);
    }
    public List<MediaFile> Media { get; set; } = [];
}
