using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace PoseGen.Web.Services.Jobs;

/// <summary>
/// The jobs dashboard shows every user's job arguments and can delete or retry jobs, so only the accounts named in
/// <c>Jobs:Administrators</c> may open it. Hangfire answers 401 to an anonymous caller and 403 to anyone else refused.
/// </summary>
public sealed class AdministratorsOnlyDashboardFilter(
    IOptionsMonitor<JobOptions> options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true || (user.FindFirstValue(ClaimTypes.Email)
            ?? user.Identity.Name) is not { } email)
            return false;
        return options.CurrentValue.Administrators.Contains(email, StringComparer.OrdinalIgnoreCase);
    }
}
