using System.Net;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Hosting;

/// <summary>The jobs dashboard lists every user's jobs and can delete or retry them: administrators only.</summary>
public sealed class JobsDashboardTests : IDisposable
{
    private readonly string _administrator = BrowserLikeClient.NewEmail();
    private readonly PoseGenWebFactory _factory = new();

    public JobsDashboardTests() => _factory.Settings["Jobs:Administrators:0"] = _administrator;

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/jobs/enqueued")]
    [InlineData("/admin/jobs/stats")]
    public async Task ASignedOutVisitorIsSentToTheLoginFormNotTheDashboard(string path)
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/jobs/enqueued")]
    public async Task AnOrdinaryUserIsRefusedWith403OnThePagesAndTheApi(string path)
    {
        var page = new BrowserLikeClient(_factory);
        await page.RegisterAsync(BrowserLikeClient.NewEmail());
        using var api = await ApiClient.CreateSignedInAsync(_factory);

        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorNamedInTheSettingsSeesTheDashboard()
    {
        var page = new BrowserLikeClient(_factory);
        await page.RegisterAsync(_administrator);

        var response = await page.Http.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync("/admin/jobs/jobs/enqueued")).StatusCode);
    }

    [Fact]
    public async Task WithNoAdministratorsConfiguredNobodySeesTheDashboard()
    {
        using var factory = new PoseGenWebFactory();
        var page = new BrowserLikeClient(factory);
        await page.RegisterAsync(_administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync("/admin/jobs")).StatusCode);
    }
}
