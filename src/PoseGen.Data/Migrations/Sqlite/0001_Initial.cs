using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Sqlite;

[DbContext(typeof(SqlitePoseGenDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Sqlite", "0001_Initial"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in InitialTables.DropOrder)
            migrationBuilder.DropTable(table);
    }
}
