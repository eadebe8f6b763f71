using System.Net;
using System.Text;
using System.Text.Json;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Security;

/// <summary>
/// Input: null list elements, enum numbers outside the enum and over-long values in JSON bodies get a 400
/// naming the field (they were 500s, or stored and then filtered out every pose), never a 500.
/// </summary>
public sealed class BodyShapeTests : IDisposable
{
    private readonly PoseGenWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("PUT", "/api/v1/profile", """{"goals":["yoga"],"level":-1,"limitations":[],"preferences":[]}""",
        "level")]
    [InlineData("PUT", "/api/v1/profile",
        """{"goals":["yoga"],"level":"beginner","limitations":[],"preferences":[null]}""", "preferences[0]")]
    [InlineData("PUT", "/api/v1/profile", """{"goals":[null],"level":"beginner","limitations":[],"preferences":[]}""",
        "$.goals[0]")]
    [InlineData("POST", "/api/v1/recommendations", """{"goals":[null],"environment":["park",null]}""",
        "environment[1]")]
    [InlineData("POST", "/api/v1/recommendations", """{"limitations":[null]}""", "limitations[0]")]
    [InlineData("POST", "/api/v1/poses/compare", """
        {"reference":[null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null],
         "candidate":[null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]}
        """, "reference[0]")]
    [InlineData("POST", "/api/v1/poses/compare", """{"reference":[],"candidate":[],"model":99}""", "model")]
    [InlineData("POST", "/api/v1/generations/openpose-map", """{"keypoints":[1,2,null]}""", "$.keypoints[2]")]
    public async Task AnswersBadShapesWith400NamingTheField(string method, string path, string json, string field)
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });

        response.AssertProblem(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(field, fields);
        Assert.DoesNotContain("PoseGen.", problem.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverLongPromptIs400()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        var json = JsonSerializer.Serialize(new { prompt = new string('a', 5000) });
        using var response = await client.PostAsync("/api/v1/recommendations",
            new StringContent(json, Encoding.UTF8, "application/json"));
        response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("\"prompt\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWellFormedProfileIsStillAccepted()
    {
        using var client = await ApiClient.CreateSignedInAsync(_factory);
        using var response = await client.PutAsync("/api/v1/profile", new StringContent(
            """{"goals":["yoga"],"level":1,"limitations":["knees"],"preferences":["outdoors"]}""", Encoding.UTF8,
            "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"level\":\"intermediate\"", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }
}
