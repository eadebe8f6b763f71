using PoseGen.Data;
using PoseGen.TestSupport.Postgres;
using PoseGen.Web.Tests.Infrastructure;

namespace PoseGen.Web.Tests.Workouts;

/// <summary>The live workout reconnect flow with its History entry saved on a real PostgreSQL database.</summary>
public sealed class PostgresWorkoutHubTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ReconnectKeepsTheCountAndHistoryGetsEveryRepOnPostgres()
    {
        using var factory = new PoseGenWebFactory(DatabaseProvider.Postgres, database.ConnectionString);
        await LiveWorkoutScenarios.ReconnectKeepsTheCountAndHistoryGetsEveryRepAsync(factory);
    }
}
