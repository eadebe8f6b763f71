namespace PoseGen.TestSupport;

/// <summary>
/// labels.csv of the fixture scenes with its free-text labels mapped to our label ids. Where a text fits two ids both
/// are accepted ("t-shirt + shorts" in a gym is casual or sportswear; a red jacket is casual or winter wear).
/// </summary>
public static class SceneFixtureLabels
{
    private static readonly Dictionary<string, string[]> Environments = new(StringComparer.Ordinal)
    {
        ["beach"] = ["beach"], ["gym (weight room)"] = ["gym"], ["office (meeting room)"] = ["office"],
        ["city street (crowd)"] = ["street"], ["park / grass"] = ["park"], ["home (living room)"] = ["home"],
        ["studio (grey backdrop)"] = ["studio"], ["ski slope (snow)"] = ["snow"],
        ["indoor room (mirror selfie)"] = ["home"],
        ["plain studio backdrop (fashion shot)"] = ["studio"],
    };

    private static readonly Dictionary<string, string[]> Outfits = new(StringComparer.Ordinal)
    {
        ["sportswear (top + leggings), barefoot"] = ["sportswear"], ["t-shirt + shorts"] = ["casual", "sportswear"],
        ["business suits"] = ["formal"], ["red jacket + cap"] = ["casual", "winter"],
        ["casual t-shirt + shorts (child)"] = ["casual"], ["casual (plaid shirt, jeans)"] = ["casual"],
        ["sportswear (pink t-shirt, leggings)"] = ["sportswear"], ["ski wear"] = ["winter"],
        ["business suit + tie"] = ["formal"], ["printed summer dress + backpack"] = ["dress"],
    };

    public static IReadOnlyList<(string File, string[] Environment, string[] Outfit)> Load(string csv) =>
        [.. File.ReadAllLines(csv).Skip(1).Where(l => l.Length > 0).Select(Fields)
            .Select(f => (f[0], Environments[f[1]], Outfits[f[2]]))];

    /// <summary>Splits one CSV line with optional double-quoted fields (no escaped quotes in this file).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var quoted = false;
        var current = new System.Text.StringBuilder();
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
