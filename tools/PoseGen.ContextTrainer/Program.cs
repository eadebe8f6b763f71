using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.ContextTrainer;
using PoseGen.Core.Context.Scene;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.Context;
using PoseGen.TestSupport;

// Trains the environment and outfit models of the scene classifier (multinomial logistic regression over SceneFeatures,
// the hand-written rules' votes among them) on every labelled photo (LabelledScenes: the fixture scenes and the team's
// labels of the other fixture photos and clip frames), reports leave-one-group-out top-1 and top-2 accuracy per set
// (each photo predicted by a model trained on all the others but those of its group) next to the rules alone, and
// writes the models trained on all photos to src/PoseGen.Core/Context/Scene/context-{environment,outfit}.json with
// --write (the scene classifier uses embedded models instead of the rules alone). Figures: bench/RESULTS.md, "Context
// as a model".
//   dotnet run -c Release --project tools/PoseGen.ContextTrainer [-- --write]
// Below this top probability a label is a guess ("not sure"): hand-set before any training, not fitted to the photos.
const double MinConfidence = 0.35;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
    ContentRootPath = RepoPaths.Root });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference();
using var host = builder.Build();
var observer = host.Services.GetRequiredService<OnnxSceneClassifier>();
var codec = host.Services.GetRequiredService<IImageCodec>();

var samples = LabelledScenes.Load(Path.Combine(RepoPaths.Root, "tools", "PoseGen.ContextTrainer", "more-labels.csv"));

var features = new List<double[]>();
var rules = new List<SceneContext>();
foreach (var sample in samples)
{
    var image = codec.DecodeThumbnail(LabelledScenes.Read(sample), 1024, 1024);
    var observation = await observer.ObserveAsync(image, CancellationToken.None);
    features.Add(SceneFeatures.Vector(SceneEvidence.Measure(observation), image.Width, image.Height));
    rules.Add(SceneClassifier.ClassifyWithRules(observation));
}

var about = new Dictionary<string, string>();
var lambdas = new Dictionary<string, double>();
foreach (var (target, accepted) in new (string, Func<Sample, string[]>)[] { ("environment", s => s.Environment),
    ("outfit", s => s.Outfit) })
{
    var labelled = Enumerable.Range(0, samples.Count).Where(i => accepted(samples[i]).Length > 0).ToList();
    var results = new List<(Sample Sample, bool Model1, bool Model2, bool Rules1, bool Rules2)>();
    var lines = new List<string>();
    // Leave the photo's whole group out (frames of one clip or shots of one room would otherwise teach each other); the
    // penalty is chosen on the rest alone. The rounds are independent, so they run in parallel.
    var rounds = new (LinearContextModel Model, double Lambda)[samples.Count];
    Parallel.ForEach(labelled, i =>
    {
        var rest = labelled.Where(k => samples[k].Group != samples[i].Group).ToList();
        var lambda = PenaltyChoice.Choose(rest, k => samples[k].Group, features, k => accepted(samples[k]), target,
            MinConfidence);
        rounds[i] = (LogisticRegression.Fit(target, "", [.. rest.Select(k => features[k])],
            [.. rest.Select(k => accepted(samples[k])[0])],
            SceneFeatures.Names, MinConfidence, lambda), lambda);
    });
    foreach (var i in labelled)
    {
        var model = rounds[i].Model;
        var p = model.Predict(features[i]);
        var ranked = Enumerable.Range(0, p.Length).OrderByDescending(k => p[k])
            .Select(k => (Label: model.Labels[k], P: p[k])).ToList();
        var want = accepted(samples[i]);
        var byRules = (target == "environment" ? rules[i].Environment : rules[i].Outfit).Select(e => e.Label).ToList();
        results.Add((samples[i], want.Contains(ranked[0].Label), ranked.Take(2).Any(r => want.Contains(r.Label)),
            byRules.Take(1).Any(want.Contains), byRules.Take(2).Any(want.Contains)));
        var (_, ok1, ok2, _, _) = results[^1];
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"  {samples[i].File,-50} want {string.Join('|', want),-22} model {ranked[0].Label} {ranked[0].P:0.00}, " +
            $"{ranked[1].Label} {ranked[1].P:0.00}{(ok1 ? "" : ok2 ? "  (top-2)" : "  MISS")}; rules " +
            $"{string.Join(", ", byRules.Take(2))}"));
    }
    Console.WriteLine(
        $"{target}: leave-one-group-out (model) and the hand-written rules (tuned on scenes' first 10), top-1 / top-2");
    Console.WriteLine("  penalty chosen per round: " + string.Join(", ",
        labelled.GroupBy(i => rounds[i].Lambda).OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} in {g.Count()} rounds"))));
    foreach (var set in results.GroupBy(r => r.Sample.Set).Append(results.GroupBy(_ => "all").Single()))
    {
        int n = set.Count(), m1 = set.Count(r => r.Model1), m2 = set.Count(r => r.Model2),
            r1 = set.Count(r => r.Rules1), r2 = set.Count(r => r.Rules2);
        Console.WriteLine($"  {set.Key,-36} model {m1}/{n}, {m2}/{n}; rules {r1}/{n}, {r2}/{n}");
    }
    Console.WriteLine($"  per wanted label (first accepted label), all sets:");
    foreach (var label in results.GroupBy(r => accepted(r.Sample)[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        int n = label.Count(), m1 = label.Count(r => r.Model1), m2 = label.Count(r => r.Model2),
            r1 = label.Count(r => r.Rules1), r2 = label.Count(r => r.Rules2);
        Console.WriteLine($"  {label.Key,-36} model {m1}/{n}, {m2}/{n}; rules {r1}/{n}, {r2}/{n}");
    }
    foreach (var line in lines) Console.WriteLine(line);
    int all = results.Count, top1 = results.Count(r => r.Model1), top2 = results.Count(r => r.Model2);
    var onMore = results.Where(r => r.Sample.Set == LabelledScenes.ScenesMore).ToList();
    int more = onMore.Count, more1 = onMore.Count(r => r.Model1), more2 = onMore.Count(r => r.Model2);
    lambdas[target] = PenaltyChoice.Choose(labelled, k => samples[k].Group, features, k => accepted(samples[k]), target,
        MinConfidence);
    about[target] = string.Create(CultureInfo.InvariantCulture,
        $"Class-balanced multinomial logistic regression (L2 penalty {lambdas[target]}, chosen by grouped 3-fold " +
        $"cross-validation from {string.Join(" and ", PenaltyChoice.Candidates)}); every weight fitted to {all} " +
        $"labelled fixture photos (scenes/, scenes/more/ and the team's labels in " +
        $"tools/PoseGen.ContextTrainer/more-labels.csv), trained by 'dotnet run -c Release --project " +
        $"tools/PoseGen.ContextTrainer'. Leave-one-group-out (the penalty chosen inside each round): top-1 " +
        $"{top1}/{all}, top-2 {top2}/{all}; on scenes/more top-1 {more1}/{more}, top-2 {more2}/{more}. Below " +
        $"{MinConfidence} top probability (hand-set, not fitted) the answer is 'not sure'.");
}

if (!args.Contains("--write")) return;
foreach (var (target, accepted) in new (string, Func<Sample, string[]>)[] { ("environment", s => s.Environment),
    ("outfit", s => s.Outfit) })
{
    var labelled = Enumerable.Range(0, samples.Count).Where(i => accepted(samples[i]).Length > 0).ToList();
    var model = LogisticRegression.Fit(target, about[target], [.. labelled.Select(i => features[i])],
        [.. labelled.Select(i => accepted(samples[i])[0])], SceneFeatures.Names, MinConfidence, lambdas[target]);
    var path = Path.Combine(RepoPaths.Root, "src", "PoseGen.Core", "Context", "Scene", $"context-{target}.json");
    File.WriteAllText(path, model.ToJson() + Environment.NewLine);
    Console.WriteLine($"wrote {path}");
}

internal static class Csv
{
    /// <summary>
    /// Splits one CSV line with optional double-quoted fields (doubled quotes inside are kept as one).
    /// </summary>
    public static string[] Fields(string line)
    {
        var fields = new List<string>();
        var quoted = false;
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
