using System.Text.Json;
using PoseGen.Core.Poses;

namespace PoseGen.Inference.Tests.Support;

/// <summary>One labelled person of a COCO keypoint annotations file.</summary>
/// <param name="Area">Segment area in pixels^2 (OKS scale).</param>
internal sealed record LabelledPerson(IReadOnlyList<LabelledKeypoint> Keypoints, double Area);

internal sealed record LabelledImage(string FileName, int Width, int Height, IReadOnlyList<LabelledPerson> People);

/// <summary>
/// Reads the fixtures' annotations.json (COCO keypoints format: x, y, visibility triples per person).
/// </summary>
internal static class CocoGroundTruth
{
    public static IReadOnlyList<LabelledImage> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var people = root.GetProperty("annotations").EnumerateArray()
            .GroupBy(a => a.GetProperty("image_id").GetInt64())
            .ToDictionary(g => g.Key, g => g.Select(ReadPerson).ToList());
        return root.GetProperty("images").EnumerateArray()
            .Select(i => new LabelledImage(
                i.GetProperty("file_name").GetString()!,
                i.GetProperty("width").GetInt32(),
                i.GetProperty("height").GetInt32(),
                people.GetValueOrDefault(i.GetProperty("id").GetInt64()) ?? []))
            .ToList();
    }

    private static LabelledPerson ReadPerson(JsonElement annotation)
    {
        var values = annotation.GetProperty("keypoints").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var keypoints = Enumerable.Range(0, CocoKeypoints.Count)
            .Select(k => new LabelledKeypoint(values[k * 3], values[k * 3 + 1], (int)values[k * 3 + 2]))
            .ToList();
        return new LabelledPerson(keypoints, annotation.GetProperty("area").GetDouble());
    }

    /// <summary>
    /// Pairs each labelled person with a distinct predicted pose, best OKS first (greedy, as COCO evaluation matches);
    /// a labelled person left without a prediction gets null.
    /// </summary>
    public static IReadOnlyList<(LabelledPerson Truth, Pose? Predicted, double Oks)> Match(
        IReadOnlyList<LabelledPerson> truth, IReadOnlyList<Pose> predicted)
    {
        var pairs = (from t in truth.Select((p, i) => (p, i))
                     from q in predicted.Select((p, i) => (p, i))
                     select (T: t.i, P: q.i, Oks: PoseAccuracy.Oks(q.p.Keypoints, t.p.Keypoints, t.p.Area)))
            .OrderByDescending(x => x.Oks)
            .ToList();
        var taken = new HashSet<int>();
        var result = new (LabelledPerson, Pose?, double)[truth.Count];
        var matched = new bool[truth.Count];
        foreach (var (t, p, oks) in pairs)
        {
            if (matched[t] || taken.Contains(p))
                continue;
            matched[t] = true;
            taken.Add(p);
            result[t] = (truth[t], predicted[p], oks);
        }
        for (var t = 0; t < truth.Count; t++)
        {
            if (!matched[t])
                result[t] = (truth[t], null, 0);
        }
        return result;
    }
}
