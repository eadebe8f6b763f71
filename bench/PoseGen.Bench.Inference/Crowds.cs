using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Imaging;

namespace PoseGen.Bench.Inference;

/// <summary>
/// Issue 14: keypoint accuracy on every fixture photo (people/ and people/more/), per dataset and per crowd size, ours
/// next to TF.js pose-detection on the same decoded pixels, with the metric of ../shared/eval/api-eval.py: every
/// annotated person (with at least one labelled keypoint) is matched to the prediction with the best OKS in its photo;
/// PCK@0.2 of the torso (shoulder to opposite hip), mean OKS with COCO's sigmas and the annotation's area. Also the
/// time of our Auto pipeline per photo against the number of people it returns.
/// </summary>
internal static class Crowds
{
    private static readonly double[] Sigmas = [.026, .025, .025, .035, .035, .079, .079, .072, .072, .062, .062, .107,
        .107, .087, .087, .089, .089];

    private sealed record Person(double[][] Keypoints, double Area);

    private sealed record Photo(string Folder, string File, string Group, List<Person> People);

    public static async Task RunAsync(string fixtures, IImageCodec codec, IPoseDetector detector, string repoRoot,
        bool quick = false, string? only = null)
    {
        var photos = Load(fixtures).Where(p => only is null || p.File.Contains(only, StringComparison.Ordinal))
            .ToList();
        var decoded = photos.ToDictionary(p => p.File, p => codec.Decode(
            File.ReadAllBytes(Path.Combine(fixtures, p.Folder, p.File))));
        var ours = new Dictionary<string, Dictionary<string, IReadOnlyList<Pose>>>();
        var timing = new List<(int People, double Ms)>();
        foreach (var kind in quick ? [PoseModelKind.Auto] : new[] { PoseModelKind.Auto, PoseModelKind.Multipose,
            PoseModelKind.Thunder })
        {
            var perPhoto = new Dictionary<string, IReadOnlyList<Pose>>();
            foreach (var photo in photos)
            {
                await detector.DetectAsync(decoded[photo.File], kind, CancellationToken.None);
                var sw = Stopwatch.StartNew();
                var result = await detector.DetectAsync(decoded[photo.File], kind, CancellationToken.None);
                if (kind == PoseModelKind.Auto) timing.Add((result.People.Count, sw.Elapsed.TotalMilliseconds));
                perPhoto[photo.File] = result.People;
            }
            ours[$"PoseGen {kind}"] = perPhoto;
        }
        if (quick)
        {
            var auto = ours["PoseGen Auto"];
            foreach (var photo in photos)
            {
                var preds = auto[photo.File];
                Console.WriteLine($"{photo.File} [{photo.Group}] found {preds.Count}: " + string.Join(" ",
                    photo.People.Select(
                    person => preds.Count == 0 ? "0" : preds.Max(p => Oks(person, p))
                        .ToString("0.00", CultureInfo.InvariantCulture))));
            }
            Table([("PoseGen Auto", auto)], photos, p => p.Group);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Auto: {timing.Sum(t => t.Ms):0} ms for {photos.Count} photos, {timing.Sum(t => t.People)} people"));
            return;
        }
        var tfjs = TfjsResults.Run(repoRoot, decoded, warmup: 0, iterations: 1);

        var systems = ours.Select(o => (o.Key, (IReadOnlyDictionary<string, IReadOnlyList<Pose>>)o.Value))
            .Concat(tfjs.Predictions.Select(t => ($"TF.js pose-detection {t.Key}", t.Value))).ToList();
        Console.WriteLine(
            $"### Accuracy per dataset ({photos.Count} photos, {photos.Sum(p => p.People.Count)} annotated people)");
        Console.WriteLine();
        Table(systems, photos, p => p.Group);
        Console.WriteLine();
        Console.WriteLine("### Accuracy per crowd size (annotated people in the photo; all datasets)");
        Console.WriteLine();
        Table(systems, photos, p => p.People.Count switch { 1 => "1 person", <= 3 => "2-3 people", <= 6 => "4-6 people",
            _ => "7-12 people" });
        Console.WriteLine();
        Console.WriteLine(
            "### PoseGen Auto: time per photo (decoded pixels in, people out; one warm-up call before each timed one)");
        Console.WriteLine();
        Console.WriteLine("| people returned | photos | median ms | max ms |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var g in timing.GroupBy(t => t.People switch { <= 1 => "0-1", <= 3 => "2-3", <= 6 => "4-6",
            <= 10 => "7-10", _ => "11-20" }).OrderBy(g => g.Min(t => t.People)))
        {
            var ms = g.Select(t => t.Ms).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key} | {ms.Count} | {ms[ms.Count / 2]:0} | {ms[^1]:0} |"));
        }
    }

    private static void Table(
        IReadOnlyList<(string Name, IReadOnlyDictionary<string, IReadOnlyList<Pose>> Predictions)> systems,
        IReadOnlyList<Photo> photos, Func<Photo, string> groupOf)
    {
        var groups = photos.GroupBy(groupOf).OrderBy(g => g.Key).ToList();
        Console.WriteLine("| pipeline | " + string.Join(" | ", groups.Select(g =>
            $"{g.Key} ({g.Sum(p => p.People.Count)} people): PCK / OKS")) + " |");
        Console.WriteLine("|---|" + string.Concat(groups.Select(_ => "---|")));
        foreach (var (name, predictions) in systems)
        {
            var cells = groups.Select(g =>
            {
                var (hits, labelled, oks, people) = Score(g, predictions);
                return string.Create(CultureInfo.InvariantCulture,
                    $"{(double)hits / Math.Max(1, labelled):0.000} / {oks / Math.Max(1, people):0.000}");
            });
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
    }

    private static (int Hits, int Labelled, double Oks, int People) Score(IEnumerable<Photo> photos,
        IReadOnlyDictionary<string, IReadOnlyList<Pose>> predictions)
    {
        int hits = 0, labelled = 0, people = 0;
        double oksSum = 0;
        foreach (var photo in photos)
        {
            var preds = predictions.GetValueOrDefault(photo.File) ?? [];
            foreach (var person in photo.People)
            {
                var best = preds.MaxBy(p => Oks(person, p));
                oksSum += best is null ? 0 : Oks(person, best);
                people++;
                var torso = Torso(person.Keypoints);
                for (var i = 0; i < 17; i++)
                {
                    if (person.Keypoints[i][2] <= 0 || torso is null) continue;
                    labelled++;
                    if (best is not null && Math.Sqrt(Sq(best.Keypoints[i].X - person.Keypoints[i][0])
                        + Sq(best.Keypoints[i].Y - person.Keypoints[i][1])) <= 0.2 * torso) hits++;
                }
            }
        }
        return (hits, labelled, oksSum, people);
    }

    private static double Sq(double v) => v * v;

    private static double Oks(Person gt, Pose pose)
    {
        double num = 0;
        var n = 0;
        for (var i = 0; i < 17; i++)
        {
            if (gt.Keypoints[i][2] <= 0) continue;
            n++;
            var d2 = Sq(pose.Keypoints[i].X - gt.Keypoints[i][0]) + Sq(pose.Keypoints[i].Y - gt.Keypoints[i][1]);
            num += Math.Exp(-d2 / (2 * gt.Area * Sq(2 * Sigmas[i])));
        }
        return n == 0 ? 0 : num / n;
    }

    private static double? Torso(double[][] k)
    {
        bool Ok(int i) => k[i][2] > 0;
        double Dist(int a, int b) => Math.Sqrt(Sq(k[a][0] - k[b][0]) + Sq(k[a][1] - k[b][1]));
        var d = new List<double>();
        if (Ok(5) && Ok(12)) d.Add(Dist(5, 12));
        if (Ok(6) && Ok(11)) d.Add(Dist(6, 11));
        if (d.Count == 0 && Ok(5) && Ok(6) && Ok(11) && Ok(12)) d.Add(Dist(5, 6));
        return d.Count > 0 ? d.Average() : null;
    }

    private static List<Photo> Load(string fixtures)
    {
        var photos = new List<Photo>();
        foreach (var folder in new[] { "people", Path.Combine("people", "more") })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, folder, "annotations.json")));
            var annotations = json.RootElement.GetProperty("annotations").EnumerateArray().ToList();
            foreach (var image in json.RootElement.GetProperty("images").EnumerateArray())
            {
                var id = image.GetProperty("id").GetInt64();
                var train = image.TryGetProperty("coco_split", out var split) && split.GetString() == "train2017";
                var people = annotations.Where(a => a.GetProperty("image_id").GetInt64() == id)
                    .Select(a => (Kp: a.GetProperty("keypoints").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                        A: a))
                    .Where(x => Enumerable.Range(0, 17).Any(i => x.Kp[(3 * i) + 2] > 0))
                    .Select(x => new Person([.. Enumerable.Range(0, 17).Select(i => x.Kp[(3 * i)..((3 * i) + 3)])],
                        x.A.TryGetProperty("area", out var area) && area.GetDouble() > 0 ? area.GetDouble()
                            : x.A.GetProperty("bbox")[2].GetDouble() * x.A.GetProperty("bbox")[3].GetDouble()))
                    .ToList();
                var group = folder == "people" ? "people/" : train ? "more, COCO train2017" : "more, unseen by MoveNet";
                photos.Add(new Photo(folder, image.GetProperty("file_name").GetString()!, group, people));
            }
        }
        return photos;
    }
}
