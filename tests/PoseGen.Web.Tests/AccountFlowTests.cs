using System.Net;
using PoseGen.Data;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>
/// The account life cycle through the MVC pages, on SQLite (PostgreSQL: see PostgresAccountFlowTests).
/// </summary>
public sealed class AccountFlowTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new(DatabaseProvider.Sqlite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public Task RegisterFillProfileLogOutLogInAndDeleteAccount() => AccountScenarios.FullLifeCycleAsync(_factory);

    [Fact]
    public async Task LocksTheAccountAfterFiveFailedLogins()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        await client.SubmitAsync("/", "/Account/Logout", []);
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.LoginAsync(email, "Wrong!Passw0rd");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        var locked = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RejectsWrongPasswordWithoutSigningIn()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        await client.SubmitAsync("/", "/Account/Logout", []);
        var response = await client.LoginAsync(email, "Wrong!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not correct", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task ChangesPasswordAndSignsInWithTheNewOne()
    {
        var client = new BrowserLikeClient(_factory);
        var email = BrowserLikeClient.NewEmail();
        await client.RegisterAsync(email);
        const string newPassword = "N3w!Passw0rd";
        var changed = await client.SubmitAsync("/Account/Manage", "/Account/ChangePassword",
        [
            new("ChangePassword.CurrentPassword", BrowserLikeClient.Password),
            new("ChangePassword.NewPassword", newPassword),
            new("ChangePassword.ConfirmNewPassword", newPassword),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await client.SubmitAsync("/", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, newPassword)).StatusCode);
    }
}
