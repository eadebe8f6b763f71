using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;

namespace PoseGen.Web.Controllers;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class HomeController : Controller
{
    /// <summary>Visitors get what PoseGen does; a signed-in user gets their dashboard (the last seven days).</summary>
    public async Task<IActionResult> Index([FromServices] Services.DashboardService dashboard, CancellationToken ct) =>
        User.Identity?.IsAuthenticated == true
            ? View("Dashboard", await dashboard.GetAsync(User.RequiredUserId(), null, null, ct))
            : View();

    /// <summary>
    /// Re-executed by the exception handler for page requests; the status was set from the exception.
    /// </summary>
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var status = Response.StatusCode >= 400 ? Response.StatusCode : 500;
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var message = feature?.Error is UserFacingException input ? input.Message : ExceptionStatus.Title(status);
        return StatusView(status, message);
    }

    /// <summary>Re-executed by the status-code pages middleware for empty error responses (404, 400 ...).</summary>
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code) => StatusView(code is >= 400 and < 600 ? code : 404,
        ExceptionStatus.Title(code));

    private ViewResult StatusView(int status, string message)
    {
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, message, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorViewModel(int Status, string Message, string RequestId);
