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

    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect =
        false, HandleCookies = true });

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, finds the form posting to <paramref name="action"/> and posts the fields with
    /// that form's own antiforgery token, as a browser would (a form that lacks the token fails here too).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await GetPageAsync(pageUrl);
        var form = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>",
            RegexOptions.Singleline);
        Assert.True(form.Success, $"No form posting to {action} on {pageUrl}");
        var token = TokenField().Match(form.Groups[1].Value);
        Assert.True(token.Success, $"The form posting to {action} on {pageUrl} carries no antiforgery token");
        var body = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Http.PostAsync(action, new FormUrlEncodedContent(body));
    }

    /// <summary>
    /// The first antiforgery token on <paramref name="pageUrl"/> (to forge a request with a valid token).
    /// </summary>
    public async Task<string> PageTokenAsync(string pageUrl)
    {
        var token = TokenField().Match(await GetPageAsync(pageUrl));
        Assert.True(token.Success, $"{pageUrl} carries no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
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

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
