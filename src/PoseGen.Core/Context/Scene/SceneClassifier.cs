namespace PoseGen.Core.Context.Scene;

/// <summary>Observation -> evidence -> environment and outfit estimates, lighting and indoor. Pure and deterministic.</summary>
public static class SceneClassifier
{
    public static SceneContext Classify(SceneObservation observation)
    {
        var evidence = SceneEvidence.Measure(observation);
        var (environment, indoor) = SceneRules.Environment(evidence);
        return new SceneContext(environment, OutfitRules.Outfit(evidence, environment), indoor, SceneRules.Lighting(evidence), evidence.Objects);
    }
}
