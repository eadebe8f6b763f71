using System.Net;
using System.Net.Http.Json;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>Tokens outlive the account: a password change or account deletion ends earlier sign-ins at once.</summary>
public sealed class TokenLifetimeTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ABearerTokenIssuedBeforeAPasswordChangeIsRefused()
    {
        var email = BrowserLikeClient.NewEmail();
        using var client = await ApiClient.CreateSignedInAsync(_factory, email);
        using var other = await ApiClient.SignInAsync(_factory, email, BrowserLikeClient.Password);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/profile")).StatusCode);

        var changed = await client.PostAsJsonAsync("/api/v1/auth/manage/info",
            new { oldPassword = BrowserLikeClient.Password, newPassword = "N3w!Passw0rd" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        (await other.GetAsync("/api/v1/profile")).AssertProblem(HttpStatusCode.Unauthorized);
        using var fresh = await ApiClient.SignInAsync(_factory, email, "N3w!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/profile")).StatusCode);
    }

    [Fact]
    public async Task ATokenOfADeletedAccountIsRefusedAndRecreatesNothing()
    {
        var page = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await page.RegisterAsync(email);
        using var api = await ApiClient.SignInAsync(_factory, email, BrowserLikeClient.Password);
        var deleted = await page.SubmitAsync("/Account/Manage", "/Account/Delete",
            [new("Delete.Password", BrowserLikeClient.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var mediaBefore = Directory.Exists(Path.Combine(_factory.DataRoot, "media"))
            ? Directory.GetDirectories(Path.Combine(_factory.DataRoot, "media")).Length : 0;

        (await api.GetAsync("/api/v1/history")).AssertProblem(HttpStatusCode.Unauthorized);
        using var photo = new MultipartFormDataContent { { new ByteArrayContent(
            await File.ReadAllBytesAsync(PoseGen.TestSupport.RepoPaths.Fixture("people", "mpii_004645041.jpg"))),
            "image", "p.jpg" } };
        (await api.PostAsync("/api/v1/poses/detect", photo)).AssertProblem(HttpStatusCode.Unauthorized);

        var mediaAfter = Directory.Exists(Path.Combine(_factory.DataRoot, "media"))
            ? Directory.GetDirectories(Path.Combine(_factory.DataRoot, "media")).Length : 0;
        Assert.Equal(mediaBefore, mediaAfter);
    }
}
