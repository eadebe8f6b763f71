namespace PoseGen.Data.Migrations;

/// <summary>
/// Migration SQL lives in .sql files embedded in this assembly (Migrations/{Provider}/NNNN_Name.sql). Each initial
/// script was produced by tools/PoseGen.DbScripts from the model; later ones are written by hand as deltas.
/// </summary>
internal static class SqlScript
{
    public static string Read(string provider, string name)
    {
        var resource = $"PoseGen.Data.Migrations.{provider}.{name}.sql";
        using var stream = typeof(SqlScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration script {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
