using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Web.Services;
using PoseGen.Web.ViewModels.Profile;

namespace PoseGen.Web.Controllers;

[Authorize]
public sealed class ProfileController(ProfileService profiles) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(bool welcome, bool saved, CancellationToken ct)
    {
        ViewData["Welcome"] = welcome;
        var model = ProfileViewModel.From(await profiles.GetAsync(User.RequiredUserId(), ct));
        model.Saved = saved;
        return View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Index(ProfileViewModel model, CancellationToken ct)
    {
        if (model.WeeklyGoal is { } goal && Core.Profiles.WeeklyGoal.Problem(goal.Kind, goal.Target) is { } problem)
            ModelState.AddModelError(nameof(model.WeeklyGoalTarget), problem);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(model);
        }
        await profiles.SaveAsync(User.RequiredUserId(), model.ToDomain(), ct);
        return RedirectToAction(nameof(Index), new { saved = true });
    }
}
