using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PoseGen.Data;
using PoseGen.Data.Entities;

namespace PoseGen.Web.Hosting;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on PoseGen's database with both schemes Identity's API endpoints bring: the cookie for the
    /// MVC pages and bearer tokens for /api/v1 clients (the default scheme picks bearer when an Authorization header is
    /// present, the cookie otherwise).
    /// </summary>
    public static IServiceCollection AddPoseGenAccounts(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<PoseGenUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddPoseGenIdentityStores();

        // Identity's composite scheme authenticates with either bearer or cookie, but would challenge with bearer (a
        // bare
        // 401) even for pages; pages should redirect to the login form, and the cookie events below keep 401 for /api.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(options =>
        {
            options.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            options.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/Login";
            options.Cookie.Name = "PoseGen.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            // API callers get status codes, not a redirect to an HTML login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context,
                StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task RedirectOrStatus(
        RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiRequests.IsApi(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

