using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Library;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.History;

namespace PoseGen.Web.Controllers;

/// <summary>The Compare page; the work happens in the browser's call to POST /api/v1/poses/compare.</summary>
[Authorize]
public sealed class CompareController(
    IPoseDetector detector, HistoryService history, PoseLibrary library, IOptions<UploadOptions> uploads) : Controller
{
    /// <param name="referencePose">A library pose id to use as the reference (the recommendation cards' "compare"
    /// link).</param>
    [HttpGet]
    public async Task<IActionResult> Index(string? referencePose, CancellationToken ct)
    {
        var analyses = await history.ListAsync(User.RequiredUserId(), PoseGen.Core.History.ActivityKind.Analysis, 0, 30,
            ct);
        var pose = referencePose is null ? null : library.Find(referencePose);
        if (referencePose is not null && pose is null)
            return NotFound();
        return View(new ComparePageViewModel(
            detector.IsAvailable(PoseModelKind.Auto), uploads.Value.MaxImageBytes, analyses, pose?.Id, pose?.Name));
    }
}

/// <param name="SavedAnalyses">The user's recent analyses, offered as references.</param>
/// <param name="LibraryPoseId">Set when the reference is a library pose.</param>
public sealed record ComparePageViewModel(
    bool ModelsInstalled, long MaxImageBytes, IReadOnlyList<ActivitySummary> SavedAnalyses, string? LibraryPoseId,
    string? LibraryPoseName);
