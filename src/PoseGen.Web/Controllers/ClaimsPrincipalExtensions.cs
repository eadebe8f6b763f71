using System.Security.Claims;

namespace PoseGen.Web.Controllers;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; only called behind [Authorize], so a missing claim is a bug.</summary>
    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException(
            "No user id claim on an authorized request.");
}
