using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;

namespace PoseGen.Web.Controllers;

/// <summary>The Compare page; the work happens in the browser's call to POST /api/v1/poses/compare.</summary>
[Authorize]
public sealed class CompareController(IPoseDetector detector, HistoryService history, IOptions<UploadOptions> uploads) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var analyses = await history.ListAsync(User.RequiredUserId(), PoseGen.Core.History.ActivityKind.Analysis, 0, 30, ct);
        return View(new ComparePageViewModel(detector.IsAvailable(PoseModelKind.Auto), uploads.Value.MaxImageBytes, analyses));
    }
}

/// <param name="SavedAnalyses">The user's recent analyses, offered as references.</param>
public sealed record ComparePageViewModel(bool ModelsInstalled, long MaxImageBytes, IReadOnlyList<ActivitySummary> SavedAnalyses);
