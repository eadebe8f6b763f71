using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Core.Generation;
using PoseGen.Core.Library;
using PoseGen.Web.Services.Generation;

namespace PoseGen.Web.Controllers;

public sealed record GeneratePageViewModel(
    IReadOnlyList<LibraryPose> Poses, string PoseId, string View, Guid? AnalysisId, string SuggestedPrompt,
    string NegativePrompt,
    string? UnavailableMessage);

/// <summary>
/// "Render this pose": the page edits the pose and calls /api/v1/generations; the work happens in the job worker.
/// </summary>
[Authorize]
public sealed class GenerateController(PoseLibrary library, GenerationJobService jobs) : Controller
{
    [HttpGet]
    public IActionResult Index(string? pose, string? view, Guid? analysis, string? context, string? outfit)
    {
        var chosen = (pose is null ? null : library.Find(pose)) ?? library.All[0];
        return View(new GeneratePageViewModel(library.All, chosen.Id, view ?? "front", analysis,
            PromptSuggestion.For(chosen, context, outfit), PromptSuggestion.NegativePrompt, jobs.UnavailableMessage()));
    }
}
