using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PoseGen.Data.Migrations.Sqlite;

/// <summary>The data-protection key ring (sign-in cookies, bearer tokens, antiforgery), shared by every app instance on
/// this database instead of a keys folder per instance.</summary>
[DbContext(typeof(SqlitePoseGenDbContext))]
[Migration("20261210000007_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Read("Sqlite", "0007_DataProtectionKeys"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataProtectionKeys");
}
