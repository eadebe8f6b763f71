using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// An API client as a mobile app would be: registers and logs in through /api/v1/auth, then sends a bearer token.
/// </summary>
internal static class ApiClient
{
    public static async Task<HttpClient> CreateSignedInAsync(PoseGenWebFactory factory, string? email = null)
    {
        var client = factory.CreateClient();
        email ??= BrowserLikeClient.NewEmail();
        var register = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = BrowserLikeClient.Password });
        register.EnsureSuccessStatusCode();
        client.Dispose();
        return await SignInAsync(factory, email, BrowserLikeClient.Password);
    }

    /// <summary>
    /// A client signed in through /api/v1/auth/login as an existing user (registered on the pages, for instance).
    /// </summary>
    public static async Task<HttpClient> SignInAsync(PoseGenWebFactory factory, string email, string password)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
