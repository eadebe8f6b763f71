using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PoseGen.Data.Entities;

namespace PoseGen.Web.Hosting;

/// <summary>
/// A sign-in (bearer token or cookie) counts only while its account exists and its security stamp is current: a
/// password change or account deletion ends every token and cookie issued before it at once, not when they expire.
/// Identity checks cookies only every 30 minutes and bearer tokens never; this runs on every authenticated request (one
/// indexed lookup).
/// </summary>
public static class SecurityStampCheck
{
    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        });

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<PoseGenUser>>();
        var claimType = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var user = users.GetUserId(context.User) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
            return false;
        return !users.SupportsUserSecurityStamp || context.User.FindFirstValue(claimType)
            == await users.GetSecurityStampAsync(user);
    }
}
