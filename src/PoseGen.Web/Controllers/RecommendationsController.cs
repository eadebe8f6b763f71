using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Controllers;

/// <summary>
/// The recommendations page (the work happens in the browser's call to POST /api/v1/recommendations) and the detail
/// page of one library pose.
/// </summary>
[Authorize]
public sealed class RecommendationsController(
    PoseLibrary library, PoseFeedbackService feedback, IPoseDetector detector,
    IOptions<UploadOptions> uploads) : Controller
{
    [HttpGet]
    public IActionResult Index() => View(new RecommendationsPageViewModel(
        detector.IsAvailable(PoseModelKind.Auto), uploads.Value.MaxImageBytes, ContextLabels.Environments,
        ContextLabels.Outfits));

    [HttpGet("/Recommendations/Pose/{id}")]
    public async Task<IActionResult> Pose(string id, CancellationToken ct)
    {
        if (library.Find(id) is not { } pose)
            return NotFound();
        var mine = (await feedback.ListAsync(User.RequiredUserId(), ct)).FirstOrDefault(f => f.PoseId == id);
        string Name(string other) => library.Find(other)?.Name ?? other;
        return View(new PoseDetailViewModel(
            pose, mine is null ? null : PoseText.Id(mine.Kind),
            pose.ProgressesFrom.Select(p => (p, Name(p))).ToList(),
            pose.ProgressesTo.Select(p => (p, Name(p))).ToList()));
    }
}

public sealed record RecommendationsPageViewModel(
    bool ModelsInstalled, long MaxImageBytes, IReadOnlyDictionary<string, string> Environments,
    IReadOnlyDictionary<string, string> Outfits);

public sealed record PoseDetailViewModel(
    LibraryPose Pose, string? Feedback,
    IReadOnlyList<(string Id, string Name)> ProgressesFrom, IReadOnlyList<(string Id, string Name)> ProgressesTo);
