namespace PoseGen.Core.Context.Scene;

/// <summary>
/// Observation -> evidence -> environment and outfit estimates, lighting and indoor. Pure and deterministic.
/// Environment and outfit come from the learned models (<see cref="LinearContextModel"/>, trained by
/// tools/PoseGen.ContextTrainer, reading <see cref="SceneFeatures"/>, the rules' votes among them) when they are
/// embedded, else from the hand-written rules alone (<see cref="SceneRules"/>, <see cref="OutfitRules"/>); lighting and
/// indoor always from the rules.
/// </summary>
public static class SceneClassifier
{
    /// <summary>
    /// The evidence of a label that no feature pushed up: it ranks where it does only because others fit less.
    /// </summary>
    public const string NoCue = "no cue for it in the photo; the other labels fit less";

    /// <summary>
    /// A photo with no person, no object and next to no edges or shading (a plain colour, an empty sky) has nothing to
    /// tell a place by; the models would still read its colour as one (a plain blue picture as "water"), so the answer
    /// is "not sure". Hand-set, not fitted: a strong edge in fewer than 1 sample in 500 and a luma spread under 0.03
    /// (of 1). The 83 photos of the fixtures' scenes/ and people/ have a luma spread of 0.079 or more (grey levels at
    /// 200 px through ffmpeg), so none of them is affected.
    /// </summary>
    public const float FeaturelessEdgeDensity = 0.002f;

    /// <inheritdoc cref="FeaturelessEdgeDensity"/>
    public const float FeaturelessLumaSpread = 0.03f;

    private static readonly Lazy<LinearContextModel?> EnvironmentModel =
        new(() => LinearContextModel.Embedded("environment"));
    private static readonly Lazy<LinearContextModel?> OutfitModel = new(() => LinearContextModel.Embedded("outfit"));

    /// <summary>
    /// Whether the learned models are embedded in this build (else <see cref="Classify"/> is the rules alone).
    /// </summary>
    public static bool UsesLearnedModels => EnvironmentModel.Value is not null && OutfitModel.Value is not null;

    public static SceneContext Classify(SceneObservation observation)
    {
        if (EnvironmentModel.Value is not { } environmentModel || OutfitModel.Value is not { } outfitModel)
            return ClassifyWithRules(observation);
        var evidence = SceneEvidence.Measure(observation);
        var (ruleEnvironment, indoor) = SceneRules.Environment(evidence);
        var ruleOutfit = OutfitRules.Outfit(evidence, ruleEnvironment);
        var features = SceneFeatures.Vector(evidence, observation.Image.Width, observation.Image.Height,
            (ruleEnvironment, ruleOutfit));
        // A rules' vote of the other dimension (the outfit rules' "winter" behind a snowy place) is left out of the
        // evidence: "street, because: covered arms and legs" reads as nonsense even where the weight is real. So is a
        // vote the rules did not cast (a label they did not name pushes another one up through a negative weight):
        // "the rules did not say home" is nothing a person can look at in the photo.
        IReadOnlyList<string>? EnvironmentEvidence(string feature) =>
            ruleEnvironment.FirstOrDefault(v => SceneFeatures.EnvironmentRuleVote(v.Label) == feature)?.Evidence
            ?? (IsRuleVote(feature) ? [] : null);
        IReadOnlyList<string>? OutfitEvidence(string feature) =>
            ruleOutfit.FirstOrDefault(v => SceneFeatures.OutfitRuleVote(v.Label) == feature)?.Evidence
            ?? (IsRuleVote(feature) ? [] : null);
        var environment = Estimates(environmentModel, features, EnvironmentEvidence);
        // A photo without a person still gets an environment; an outfit needs someone to wear it.
        var outfit = observation.Person is null ? [] : Estimates(outfitModel, features, OutfitEvidence);
        return new SceneContext(environment, outfit, indoor, SceneRules.Lighting(evidence), evidence.Objects,
            EnvironmentSure: environment[0].Confidence >= environmentModel.MinConfidence
                && !Featureless(observation, evidence),
            OutfitSure: outfit.Count > 0 && outfit[0].Confidence >= outfitModel.MinConfidence);
    }

    /// <summary>Nothing in the photo to tell a place by (see <see cref="FeaturelessEdgeDensity"/>).</summary>
    public static bool Featureless(SceneObservation observation, SceneEvidence evidence) =>
        observation.Person is null && evidence.Objects.Count == 0
        && evidence.Whole.EdgeDensity < FeaturelessEdgeDensity && evidence.Whole.LumaSpread < FeaturelessLumaSpread;

    /// <summary>The hand-written rules alone (kept for comparison and as the fallback).</summary>
    public static SceneContext ClassifyWithRules(SceneObservation observation)
    {
        var evidence = SceneEvidence.Measure(observation);
        var (environment, indoor) = SceneRules.Environment(evidence);
        return new SceneContext(environment, OutfitRules.Outfit(evidence, environment), indoor,
            SceneRules.Lighting(evidence), evidence.Objects);
    }

    private static bool IsRuleVote(string feature) =>
        ContextLabels.Outfits.Keys.Any(l => SceneFeatures.OutfitRuleVote(l) == feature)
        || ContextLabels.Environments.Keys.Any(l => SceneFeatures.EnvironmentRuleVote(l) == feature);

    /// <summary>
    /// Every label ranked by probability, each with the features that pushed it up the most as its evidence; a rules'
    /// vote among them is shown as what the rules saw (<paramref name="ruleEvidence"/>: feature name -> their evidence,
    /// empty to leave the feature out, null to show its name).
    /// </summary>
    private static List<ContextEstimate> Estimates(LinearContextModel model, double[] features,
        Func<string, IReadOnlyList<string>?> ruleEvidence)
    {
        var p = model.Predict(features);
        return [.. Enumerable.Range(0, p.Length).OrderByDescending(k => p[k])
            .Select(k => new ContextEstimate(model.Labels[k], Math.Round(p[k], 3), ContextSource.Image,
                model.Explain(features, k, 6).SelectMany(name => ruleEvidence(name) ?? [name]).Distinct().Take(3)
                    .ToArray() is { Length: > 0 } evidence
                    ? evidence
                    : [NoCue]))];
    }
}
