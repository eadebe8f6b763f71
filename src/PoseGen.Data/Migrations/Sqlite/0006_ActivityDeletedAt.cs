using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Sqlite;

/// <summary>Deleting a History entry marks it (Activities.DeletedAtUtc) so it can be undone for a few seconds; the
/// index serves the sweep that purges the marked entries afterwards.</summary>
[DbContext(typeof(SqlitePoseGenDbContext))]
[Migration("20261205000006_ActivityDeletedAt")]
public sealed class ActivityDeletedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Sqlite", "0006_ActivityDeletedAt"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Activities_DeletedAtUtc", "Activities");
        migrationBuilder.DropColumn("DeletedAtUtc", "Activities");
    }
}
