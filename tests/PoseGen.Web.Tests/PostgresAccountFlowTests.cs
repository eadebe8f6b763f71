using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests;

/// <summary>The same account life cycle and API round trip on a real PostgreSQL 15 database.</summary>
public sealed class PostgresAccountFlowTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task RegisterFillProfileLogOutLogInAndDeleteAccountOnPostgres()
    {
        using var factory = new PoseGenWebFactory(DatabaseProvider.Postgres, database.ConnectionString);
        await AccountScenarios.FullLifeCycleAsync(factory);
    }

    [Fact]
    public async Task HealthAndBearerProfileRoundTripOnPostgres()
    {
        using var factory = new PoseGenWebFactory(DatabaseProvider.Postgres, database.ConnectionString);
        using (var health = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/health")))
            Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());

        var client = await ApiClient.CreateSignedInAsync(factory);
        var put = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            goals = new[] { "yoga", "fitness" }, level = "beginner", limitations = new[] { "pregnancy" },
            preferences = new[] { "calm" }, heightCm = 165,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/profile"));
        Assert.Equal(["yoga", "fitness"], body.RootElement.GetProperty("goals").EnumerateArray()
            .Select(e => e.GetString()));
        Assert.Equal(["pregnancy"], body.RootElement.GetProperty("limitations").EnumerateArray()
            .Select(e => e.GetString()));
    }
}
