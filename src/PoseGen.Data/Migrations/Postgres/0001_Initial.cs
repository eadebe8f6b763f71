using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Postgres;

[DbContext(typeof(PostgresPoseGenDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Postgres", "0001_Initial"));

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in InitialTables.DropOrder)
            migrationBuilder.DropTable(table);
    }
}
