using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Postgres;

/// <summary>The name the app greets a user by (Profiles.DisplayName, optional).</summary>
[DbContext(typeof(PostgresPoseGenDbContext))]
[Migration("20261205000004_DisplayName")]
public sealed class DisplayName : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Postgres", "0004_DisplayName"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("DisplayName", "Profiles");
}
