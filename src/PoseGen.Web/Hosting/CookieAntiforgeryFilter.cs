using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PoseGen.Web.Hosting;

/// <summary>
/// Antiforgery on every state-changing request that a browser could forge: forms and cookie-authenticated fetches
/// (token in the form field or the RequestVerificationToken header). Bearer-token API calls carry no ambient
/// credentials, so they are exempt.
/// </summary>
public sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return;
        if (context.Filters.OfType<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>().Any())
            return;
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = ApiRequests.IsApi(request)
                ? new Microsoft.AspNetCore.Mvc.ObjectResult(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 400,
                    Title = "Missing or invalid antiforgery token.",
                    Detail = "Send the RequestVerificationToken header (pages) or use a bearer token (API clients).",
                }) { StatusCode = 400 }
                : new Microsoft.AspNetCore.Mvc.StatusCodeResult(400);
        }
    }
}
