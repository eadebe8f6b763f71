using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// Drives the MVC pages like a browser: keeps cookies, reads the antiforgery token from the page it just loaded and
/// posts forms with it.
/// </summary>
public sealed partial class BrowserLikeClient(PoseGenWebFactory factory)
{
    public const string Password = "Str0ng!Passw0rd";

    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes its antiforgery token and posts the form fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await GetPageAsync(pageUrl);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public async Task RegisterAsync(string email)
    {
        var response = await SubmitAsync("/Account/Register", "/Account/Register",
            [new("Email", email), new("Password", Password), new("ConfirmPassword", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password) =>
        await SubmitAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", password)]);

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    /// <summary>Every page carries the request token in a meta tag (the layout's, for fetch calls).</summary>
    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
