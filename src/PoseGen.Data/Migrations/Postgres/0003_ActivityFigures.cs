using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Postgres;

/// <summary>The dashboard's figures as columns of Activities (exercise, reps, score, seconds) and an index by kind and
/// time. Entries saved before this migration keep them null: the dashboard counts them as sessions without
/// figures.</summary>
[DbContext(typeof(PostgresPoseGenDbContext))]
[Migration("20261204000003_ActivityFigures")]
public sealed class ActivityFigures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Postgres", "0003_ActivityFigures"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Activities_UserId_Kind_CreatedAtUtc", "Activities");
        foreach (var column in new[] { "Exercise", "GoodReps", "ImproperReps", "Score", "Seconds" })
            migrationBuilder.DropColumn(column, "Activities");
    }
}
