using PoseGen.Core.History;
using PoseGen.Web.Services;

namespace PoseGen.Web.ViewModels.History;

public sealed record HistoryIndexViewModel(IReadOnlyList<ActivitySummary> Items, ActivityKind? Kind, int Page, int PageCount);

public sealed record HistoryDetailsViewModel(ActivitySummary Summary, string DocumentJson, IReadOnlyList<Guid> MediaIds)
{
    public HistoryHighlights Highlights => HistoryHighlights.From(Summary.Kind, DocumentJson);
}
