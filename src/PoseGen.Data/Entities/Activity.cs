using PoseGen.Core.History;

namespace PoseGen.Data.Entities;

/// <summary>
/// One thing a user did (an analysis, a comparison, a workout ...). <see cref="Document"/> holds the full result as a JSON
/// document (jsonb on PostgreSQL), so each feature keeps its own shape without a table per result type.
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
    public List<MediaFile> Media { get; set; } = [];
}
