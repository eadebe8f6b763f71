namespace PoseGen.Core.Context.Scene;

/// <summary>
/// Observation -> evidence -> environment and outfit estimates, lighting and indoor. Pure and deterministic. Environment
/// and outfit come from the learned models (<see cref="LinearContextModel"/>, trained by tools/PoseGen.ContextTrainer)
/// when they are embedded, else from the hand-written rules (<see cref="SceneRules"/>, <see cref="OutfitRules"/>);
/// lighting and indoor always from the rules.
/// </summary>
public static class SceneClassifier
{
    private static readonly Lazy<LinearContextModel?> EnvironmentModel = new(() => LinearContextModel.Embedded("environment"));
    private static readonly Lazy<LinearContextModel?> OutfitModel = new(() => LinearContextModel.Embedded("outfit"));

    public static SceneContext Classify(SceneObservation observation)
    {
        if (EnvironmentModel.Value is not { } environmentModel || OutfitModel.Value is not { } outfitModel)
            return ClassifyWithRules(observation);
        var evidence = SceneEvidence.Measure(observation);
        var (_, indoor) = SceneRules.Environment(evidence);
        // A photo without a person still gets an environment; an outfit needs someone to wear it.
        var features = SceneFeatures.Vector(evidence, observation.Image.Width, observation.Image.Height);
        var environment = Estimates(environmentModel, features);
        var outfit = observation.Person is null ? [] : Estimates(outfitModel, features);
        return new SceneContext(environment, outfit, indoor, SceneRules.Lighting(evidence), evidence.Objects,
            EnvironmentSure: environment[0].Confidence >= environmentModel.MinConfidence,
            OutfitSure: outfit.Count > 0 && outfit[0].Confidence >= outfitModel.MinConfidence);
    }

    /// <summary>The hand-written rules alone (kept for comparison and as the fallback).</summary>
    public static SceneContext ClassifyWithRules(SceneObservation observation)
    {
        var evidence = SceneEvidence.Measure(observation);
        var (environment, indoor) = SceneRules.Environment(evidence);
        return new SceneContext(environment, OutfitRules.Outfit(evidence, environment), indoor, SceneRules.Lighting(evidence), evidence.Objects);
    }

    /// <summary>Every label ranked by probability, each with the features that pushed it up the most as its evidence.</summary>
    private static List<ContextEstimate> Estimates(LinearContextModel model, double[] features)
    {
        var p = model.Predict(features);
        return [.. Enumerable.Range(0, p.Length).OrderByDescending(k => p[k])
            .Select(k => new ContextEstimate(model.Labels[k], Math.Round(p[k], 3), ContextSource.Image, model.Explain(features, k)))];
    }
}
