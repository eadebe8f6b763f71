using Microsoft.EntityFrameworkCore;
using PoseGen.Data;

// Nothing connects: the create script is generated from the model alone.
using PoseGenDbContext db = args.FirstOrDefault()?.ToUpperInvariant() switch
{
    "SQLITE" => new SqlitePoseGenDbContext(new DbContextOptionsBuilder<SqlitePoseGenDbContext>().UseSqlite(
        "Data Source=:memory:").Options),
    "POSTGRES" => new PostgresPoseGenDbContext(new DbContextOptionsBuilder<PostgresPoseGenDbContext>().UseNpgsql(
        "Host=localhost").Options),
    _ => throw new ArgumentException("usage: PoseGen.DbScripts sqlite|postgres"),
};
Console.Write(db.Database.GenerateCreateScript());
