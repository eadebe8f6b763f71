using System.Text.Json;

namespace PoseGen.Bench.Workouts;

/// <summary>
/// One clip's ground truth from the fixtures' videos/labels.json (counted by eye, no pose model involved).
/// </summary>
internal sealed record ClipLabel(string Clip, string Exercise, int? CompleteReps, int? IncompleteReps,
    IReadOnlyList<double> RepBottoms, IReadOnlyList<double> RepTops, double? HoldSeconds, string View)
{
    /// <summary>
    /// The times each rep's peak is judged against: tops for curls, presses and bridges, bottoms otherwise.
    /// </summary>
    public IReadOnlyList<double> PeakTimes => RepTops.Count > 0 ? RepTops : RepBottoms;

    public bool IsNegative => Exercise == "none";

    public static IReadOnlyList<ClipLabel> Read(string videosFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(videosFolder, "labels.json")));
        var labels = new List<ClipLabel>();
        foreach (var clip in json.RootElement.EnumerateObject())
        {
            if (clip.Name.StartsWith('_')) continue;
            var v = clip.Value;
            labels.Add(new ClipLabel(clip.Name, v.GetProperty("exercise").GetString()!,
                Int(v, "complete_reps"), Int(v, "incomplete_reps"), Times(v, "rep_bottoms_s"), Times(v, "rep_tops_s"),
                v.TryGetProperty("hold_seconds", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetDouble()
                    : null,
                v.TryGetProperty("view", out var view) ? view.GetString() ?? "" : ""));
        }
        return labels;
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;

    private static double[] Times(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? [.. p.EnumerateArray().Select(x => x.GetDouble())] : [];
}
