using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Web.Hosting;
using PoseGen.Web.ViewModels.Account;

namespace PoseGen.Web.Controllers;

/// <summary>Register, sign in and out, change password, delete the account (with all data and media).</summary>
public sealed class AccountController(
    UserManager<PoseGenUser> users,
    SignInManager<PoseGenUser> signIn,
    AccountDataService accountData,
    Services.HistoryService history,
    Services.Workouts.WorkoutVideoStore videos,
    TimeProvider time) : Controller
{
    [HttpGet, AllowAnonymous]
    public IActionResult Register() => View(new RegisterViewModel());

    [HttpPost, AllowAnonymous, EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        if (!ModelState.IsValid)
            return View(model);
        var user = new PoseGenUser { UserName = model.Email, Email = model.Email,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, model.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return View(model);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToAction("Index", "Profile", new { welcome = true });
    }

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost, AllowAnonymous, EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
            return View(model);
        var result = await signIn.PasswordSignInAsync(model.Email, model.Password, model.RememberMe,
            lockoutOnFailure: true);
        if (result.Succeeded)
            return Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : RedirectToAction("Index", "Home");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts: this account is locked for a few minutes."
            : "Email or password is not correct.");
        return View(model);
    }

    [HttpPost, Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet, Authorize]
    public async Task<IActionResult> Manage(string? message) => View(await ManageModelAsync(message));

    [HttpPost, Authorize, EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "ChangePassword")] ChangePasswordViewModel model)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                return RedirectToAction(nameof(Manage), new { message = "Your password was changed." });
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError("ChangePassword", error.Description);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Manage), await ManageModelAsync(null));
    }

    [HttpPost, Authorize, EnableRateLimiting(RateLimits.Accounts)]
    public async Task<IActionResult> Delete([Bind(Prefix = "Delete")] DeleteAccountViewModel model,
        CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!ModelState.IsValid || !await users.CheckPasswordAsync(user, model.Password))
        {
            ModelState.AddModelError("Delete", "Enter your current password to delete the account.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Manage), await ManageModelAsync(null));
        }
        var clips = await history.WorkoutVideosAsync(user.Id, ct);
        await accountData.DeleteUserDataAsync(user.Id, ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Deleting the account failed: "
                + string.Join("; ", result.Errors.Select(e => e.Description)));
        // Clips waiting for analysis go after their rows, as media files do.
        foreach (var clip in clips)
            videos.Delete(clip);
        await signIn.SignOutAsync();
        TempData["Message"] = "Your account and all its data were deleted.";
        return RedirectToAction("Index", "Home");
    }

    private async Task<ManageViewModel> ManageModelAsync(string? message)
    {
        var user = await users.GetUserAsync(User);
        return new ManageViewModel(user?.Email ?? "", new ChangePasswordViewModel(), new DeleteAccountViewModel(),
            message);
    }
}
