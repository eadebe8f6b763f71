using PoseGen.Core.History;

namespace PoseGen.Web.Contracts.History;

/// <summary>A history entry as lists show it, with the kind's name in words.</summary>
public sealed record ActivitySummary(Guid Id, ActivityKind Kind, DateTime CreatedAtUtc, string Title, string? Summary,
    Guid? ThumbnailId)
{
    public string KindName => HistoryText.KindName(Kind);
}
