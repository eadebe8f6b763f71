using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Headers and authorization: every answer carries the security headers; nothing is public by accident.
/// </summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/")]                       // a page
    [InlineData("/Account/Login")]          // a form
    [InlineData("/api/v1/history")]         // an API answer (401)
    [InlineData("/no-such-page")]           // an error page
    [InlineData("/css/site.css")]           // a static file
    [InlineData("/health")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesHaveNoInlineScriptThePolicyWouldBlock()
    {
        var client = new BrowserLikeClient(_factory);
        await client.RegisterAsync(BrowserLikeClient.NewEmail());
        foreach (var page in new[] { "/", "/Analyze", "/Compare", "/Recommendations", "/Workout", "/Generate",
            "/History", "/Profile", "/Account/Manage" })
        {
            var html = await client.Http.GetStringAsync(page);
            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html,
                "<script(?<attrs>[^>]*)>(?<body>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline))
            {
                var attrs = script.Groups["attrs"].Value;
                var inline = script.Groups["body"].Value.Trim().Length > 0;
                Assert.False(inline && !attrs.Contains("application/json", StringComparison.Ordinal),
                    $"{page} runs an inline script: {attrs}");
            }
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
        }
    }

    [Fact]
    public void EveryEndpointNeedsASignedInUserUnlessItIsOnTheAnonymousList()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ToList();
        string Name(RouteEndpoint e) =>
            e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is { } action
            ? $"{action.ControllerName}.{action.ActionName}"
            : e.RoutePattern.RawText!;

        // Nothing is public by default: every endpoint either requires authorization or is explicitly anonymous.
        var undecided = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(Name).Distinct().ToList();
        Assert.Empty(undecided);

        // Adding an anonymous endpoint is a decision: it has to be added here too.
        string[] anonymous =
        [
            "/api/v1/auth/confirmEmail", "/api/v1/auth/forgotPassword", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/register", "/api/v1/auth/resendConfirmationEmail", "/api/v1/auth/resetPassword",
            "/health", "/openapi/{documentName}.json",
            "Account.Login", "Account.Register", "Home.Error", "Home.Index", "Home.Status",
        ];
        var open = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Name).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(anonymous.Order(StringComparer.Ordinal), open);
    }

    [Fact]
    public async Task EveryPageHasAFaviconAndASkipLinkToItsContent()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"main\"", html, StringComparison.Ordinal);
        using var icon = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnApiCallWithoutSignInGets401AndAPageRedirectsToTheLoginForm()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetAsync("/api/v1/profile")).AssertProblem(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync("/History");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
