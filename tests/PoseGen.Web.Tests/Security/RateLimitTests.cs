using System.Net;
using System.Net.Http.Json;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>Rate limiting: sign-in attempts per client address, model work per user; 429 with Retry-After.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public RateLimitTests()
    {
        _factory.Settings["Security:AccountRequestsPerMinute"] = "4";
        _factory.Settings["Security:WorkRequestsPerMinute"] = "2";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FailedSignInsFromOneAddressAreThrottledWith429AndRetryAfter()
    {
        using var client = _factory.CreateClient();
        var email = BrowserLikeClient.NewEmail();
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email,
            password = BrowserLikeClient.Password })).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login",
                new { email, password = "Wrong!Passw0rd" })).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong!Passw0rd" });
        refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("try again in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The sign-in page shares the address's budget and explains the refusal as a page.
        var page = new BrowserLikeClient(_factory);
        var form = await page.LoginAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Too many requests", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelWorkIsThrottledPerUserNotForEveryone()
    {
        _factory.Settings["Security:AccountRequestsPerMinute"] = "100";
        using var first = await ApiClient.CreateSignedInAsync(_factory);
        using var second = await ApiClient.CreateSignedInAsync(_factory);
        var body = CompareBody();
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/poses/compare", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/poses/compare", body)).StatusCode);

        var refused = await first.PostAsJsonAsync("/api/v1/poses/compare", body);
        refused.AssertProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);

        // Another account still gets its own share, and reading history is not model work.
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/v1/poses/compare", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/history")).StatusCode);
    }

    private static object CompareBody()
    {
        string[] names = ["nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
            "left_elbow",
            "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee",
            "left_ankle", "right_ankle"];
        double[][] xy = [[50, 10], [48, 8], [52, 8], [45, 9], [55, 9], [40, 20], [60, 20], [35, 35], [65, 35], [30, 50],
            [70, 50],
            [44, 50], [56, 50], [43, 70], [57, 70], [42, 90], [58, 90]];
        var pose = names.Select((n, i) => new { name = n, x = xy[i][0], y = xy[i][1], score = 0.9 }).ToArray();
        return new { reference = pose, candidate = pose };
    }
}
