using System.Net;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Odd and hostile query strings on History's and the dashboard's endpoints: a clear 400 problem, never a 500.
/// </summary>
public sealed class HistoryQueryCorpusTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("GET", "/api/v1/history?to=9999-12-31")]
    [InlineData("GET", "/api/v1/history?from=0001-01-01")]
    [InlineData("GET", "/api/v1/history?from=2026-13-45")]
    [InlineData("GET", "/api/v1/history?kind=1e9")]
    [InlineData("GET", "/api/v1/history?exercise=%00%27%3B--")]
    [InlineData("GET", "/api/v1/history?skip=abc")]
    [InlineData("GET", "/api/v1/history/export.csv?to=9999-12-31")]
    [InlineData("GET", "/api/v1/history/export.csv?kind=everything")]
    [InlineData("GET", "/api/v1/dashboard?to=9999-12-31")]
    [InlineData("GET", "/api/v1/dashboard?to=0001-01-01")]
    [InlineData("GET", "/api/v1/dashboard?from=2020-01-01&to=2026-01-01")]
    [InlineData("DELETE", "/api/v1/history?from=2026-02-02&to=2026-02-01")]
    [InlineData("DELETE", "/api/v1/history?expected=many")]
    [InlineData("POST", "/api/v1/history/restore")]
    [InlineData("POST", "/api/v1/history/restore?token=-1")]
    [InlineData("POST", "/api/v1/history/restore?token=99999999999999999999999")]
    [InlineData("GET", "/api/v1/history/00000000-0000-0000-0000-000000000000/keypoints?format=%3Cscript%3E")]
    public async Task AnOddQueryGetsAClear400Problem(string method, string url)
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
