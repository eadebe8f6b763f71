using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PoseGen.Data.Entities;

namespace PoseGen.Web.Hosting;

public static class PipelineExtensions
{
    public static WebApplication UsePoseGenPipeline(this WebApplication app)
    {
        app.UsePoseGenTransportSecurity();
        app.UsePoseGenRequestLogging();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Home/Error",
            StatusCodeSelector = ExceptionStatus.For,
        });
        // Empty-bodied error responses: problem details under /api, a friendly page elsewhere.
        app.UseWhen(context => ApiRequests.IsApi(context.Request), api => api.UseStatusCodePages(WriteApiStatusAsync));
        app.UseWhen(context => !ApiRequests.IsApi(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/Home/Status", "?code={0}"));
        app.UseMiddleware<RequestSizeGuardMiddleware>();
        app.UseStaticFiles(CrossOriginIsolation.StaticFiles());
        app.UseRouting();
        app.UseAuthentication();
        app.UseSecurityStampCheck();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapPoseGenEndpoints(this WebApplication app)
    {
        // Every endpoint needs a signed-in user unless it says otherwise ([AllowAnonymous]): a controller or hub added
        // without [Authorize] is private, not public. (Per endpoint rather than a fallback policy, which would also
        // apply to addresses that match nothing and turn their 404 into a sign-in challenge.)
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").RequireAuthorization();
        app.MapControllers().RequireAuthorization();
        app.MapHub<PoseGen.Web.Hubs.WorkoutHub>("/hubs/workout").RequireAuthorization();
        // Identity's own endpoints: sign-in, registration and password ones are throttled per client address and open
        // to anonymous callers (its /manage endpoints carry their own authorization).
        app.MapGroup("/api/v1/auth").WithTags("Auth").MapIdentityApi<PoseGenUser>()
            .RequireRateLimiting(RateLimits.Accounts)
            .Finally(endpoint =>
            {
                if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        app.MapHub<Hubs.GenerationHub>("/hubs/generation").RequireAuthorization();
        app.MapPoseGenJobsDashboard();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    private static async Task WriteApiStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var status = http.Response.StatusCode;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = ExceptionStatus.Title(status) },
        });
    }
}
