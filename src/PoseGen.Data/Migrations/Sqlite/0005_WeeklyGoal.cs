using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Sqlite;

/// <summary>
/// A weekly goal in the profile: what it counts (Sessions or Reps) and the target, both null for none.
/// </summary>
[DbContext(typeof(SqlitePoseGenDbContext))]
[Migration("20261205000005_WeeklyGoal")]
public sealed class WeeklyGoal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Sqlite", "0005_WeeklyGoal"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("WeeklyGoalKind", "Profiles");
        migrationBuilder.DropColumn("WeeklyGoalTarget", "Profiles");
    }
}
