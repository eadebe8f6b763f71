using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Web.Services;
using PoseGen.Web.ViewModels.Profile;

namespace PoseGen.Web.Controllers;

[Authorize]
public sealed class ProfileController(ProfileService profiles) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(bool welcome, CancellationToken ct)
    {
        ViewData["Welcome"] = welcome;
        return View(ProfileViewModel.From(await profiles.GetAsync(User.RequiredUserId(), ct)));
    }

    [HttpPost]
    public async Task<IActionResult> Index(ProfileViewModel model, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(model);
        }
        var saved = ProfileViewModel.From(await profiles.SaveAsync(User.RequiredUserId(), model.ToDomain(), ct));
        saved.Saved = true;
        return View(saved);
    }
}
