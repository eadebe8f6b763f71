using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Sqlite;

/// <summary>The name the app greets a user by (Profiles.DisplayName, optional).</summary>
[DbContext(typeof(SqlitePoseGenDbContext))]
[Migration("20261205000004_DisplayName")]
public sealed class DisplayName : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Sqlite", "0004_DisplayName"));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("DisplayName", "Profiles");
}
