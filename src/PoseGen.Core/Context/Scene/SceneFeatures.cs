namespace PoseGen.Core.Context.Scene;

/// <summary>
/// The interpretable features a learned context model reads, one value each, in the order of <see cref="Names"/>:
/// colour and texture statistics of the background bands (top 30 %, bottom 30 %, everything outside the person), COCO
/// object groups from CenterNet (log of 1 + count, and the share of the photo their boxes cover), the people in the
/// photo, and the main person's clothing evidence (skin share and brightness per body region), and the hand-written
/// rules' vote for each label (<see cref="SceneRules"/>, <see cref="OutfitRules"/>; a learned weight says how far to
/// trust each vote). Names read as evidence ("top: sky colour", "objects: furniture") because the strongest
/// contributions are shown to the user; a rule vote is shown as the rules' own evidence for that label.
/// </summary>
public static class SceneFeatures
{
    private static readonly (string Group, string[] Classes)[] ObjectGroups =
    [
        ("furniture", ["couch", "bed", "chair", "dining table", "potted plant", "vase", "clock", "book"]),
        ("screens and desks", ["tv", "laptop", "keyboard", "mouse", "cell phone", "remote"]),
        ("kitchen", ["refrigerator", "sink", "oven", "microwave", "cup", "bottle", "wine glass", "bowl"]),
        ("traffic", ["car", "bus", "truck", "motorcycle", "bicycle", "train", "traffic light", "stop sign",
            "fire hydrant", "parking meter"]),
        ("water and beach gear", ["surfboard", "boat", "umbrella", "kite"]),
        ("snow gear", ["skis", "snowboard"]),
        ("sports gear", ["sports ball", "tennis racket", "baseball bat", "baseball glove", "frisbee", "skateboard"]),
        ("animals", ["dog", "cat", "horse", "sheep", "cow", "bird"]),
        ("bags and ties", ["handbag", "backpack", "suitcase", "tie"]),
        ("benches", ["bench"]),
    ];

    private static readonly string[] RegionStats = ["brightness", "luma spread", "warmth", "edges", "straight edges"];

    public static IReadOnlyList<string> Names { get; } = BuildNames();

    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (var region in new[] { "top", "ground", "background" })
        {
            names.AddRange(Enum.GetNames<ColourClass>().Select(c => $"{region}: {c.ToLowerInvariant()} colour"));
            names.AddRange(RegionStats.Select(s => $"{region}: {s}"));
        }
        foreach (var (group, _) in ObjectGroups)
        {
            names.Add($"objects: {group}");
            names.Add($"objects: {group} (area)");
        }
        names.AddRange(["people: count", "people: area", "person: found"]);
        foreach (var region in new[] { "torso", "arms", "upper legs", "lower legs" })
            names.AddRange([$"outfit: {region} skin", $"outfit: {region} brightness", $"outfit: {region} saturation"]);
        names.AddRange(ContextLabels.Environments.Keys.Select(EnvironmentRuleVote));
        names.AddRange(ContextLabels.Outfits.Keys.Select(OutfitRuleVote));
        return [.. names];
    }

    /// <summary>
    /// The feature that carries the environment rules' vote for <paramref name="label"/> (their confidence).
    /// </summary>
    public static string EnvironmentRuleVote(string label) => $"rules: {label}";

    /// <summary>The feature that carries the outfit rules' vote for <paramref name="label"/>.</summary>
    public static string OutfitRuleVote(string label) => $"outfit rules: {label}";

    /// <summary>What the hand-written rules say about the photo; the models read their confidences as features, and
    /// show their evidence when a vote pushed a label up.</summary>
    public static (IReadOnlyList<ContextEstimate> Environment, IReadOnlyList<ContextEstimate> Outfit) RuleVotes(
        SceneEvidence evidence)
    {
        var (environment, _) = SceneRules.Environment(evidence);
        return (environment, OutfitRules.Outfit(evidence, environment));
    }

    public static double[] Vector(SceneEvidence evidence, int imageWidth, int imageHeight) =>
        Vector(evidence, imageWidth, imageHeight, RuleVotes(evidence));

    /// <summary>The features, with the rules' votes already computed by the caller (<see cref="RuleVotes"/>).</summary>
    public static double[] Vector(SceneEvidence evidence, int imageWidth, int imageHeight,
        (IReadOnlyList<ContextEstimate> Environment, IReadOnlyList<ContextEstimate> Outfit) votes)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var values = new List<double>(Names.Count);
        foreach (var region in new[] { evidence.Top, evidence.Ground, evidence.Background })
        {
            values.AddRange(region.Fractions.Select(f => (double)f));
            values.AddRange([region.Brightness, region.LumaSpread, region.Warmth, region.EdgeDensity,
                region.StraightEdgeShare]);
        }
        var photoArea = Math.Max(1.0, (double)imageWidth * imageHeight);
        foreach (var (_, classes) in ObjectGroups)
        {
            var objects = evidence.Objects.Where(o => classes.Contains(o.Label)).ToList();
            values.Add(Math.Log(1 + objects.Count));
            values.Add(Math.Min(1, objects.Sum(o => (double)o.Box.Width * o.Box.Height) / photoArea));
        }
        var people = evidence.Objects.Where(o => o.Label == "person").ToList();
        values.Add(Math.Log(1 + people.Count));
        values.Add(Math.Min(1, people.Sum(o => (double)o.Box.Width * o.Box.Height) / photoArea));
        values.Add(evidence.Outfit is null ? 0 : 1);
        var outfit = evidence.Outfit;
        foreach (var region in outfit is null ? [BodyRegion.None, BodyRegion.None, BodyRegion.None, BodyRegion.None]
                     : new[] { outfit.Torso, outfit.Arms, outfit.UpperLegs, outfit.LowerLegs })
        {
            values.AddRange(region.Seen ? [region.Skin, region.Brightness, region.Saturation] : [0, 0, 0]);
        }
        var (environment, outfits) = votes;
        values.AddRange(ContextLabels.Environments.Keys.Select(label =>
            environment.FirstOrDefault(e => e.Label == label)?.Confidence ?? 0));
        values.AddRange(ContextLabels.Outfits.Keys.Select(label =>
            outfits.FirstOrDefault(e => e.Label == label)?.Confidence ?? 0));
        return [.. values];
    }
}
