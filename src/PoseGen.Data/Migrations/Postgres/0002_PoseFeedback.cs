using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Postgres;

/// <summary>Per-user feedback on library poses (like, not for me, done it), read by the recommender.</summary>
[DbContext(typeof(PostgresPoseGenDbContext))]
[Migration("20261122000002_PoseFeedback")]
public sealed class PoseFeedback : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Postgres", "0002_PoseFeedback"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PoseFeedback");
}
