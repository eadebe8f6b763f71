using PoseGen.Core.Context.Scene;
using PoseGen.Core.Poses;

namespace PoseGen.Core.Tests.Context.Scene;

/// <summary>The learned context model's arithmetic and its features, on hand-built numbers.</summary>
public class LinearContextModelTests
{
    // Two features, two labels: "beach" rises with the first, "home" with the second.
    private static LinearContextModel Model() => new("environment", "test", ["beach", "home"], ["sand", "sofa"],
        Mean: [0.5, 1], Scale: [0.5, 2], Weights: [[2, 0], [0, 1]], Bias: [0, 0.5], MinConfidence: 0.35);

    [Fact]
    public void PredictsSoftmaxProbabilitiesOfStandardisedFeatures()
    {
        var p = Model().Predict([1.0, 1.0]);

        // Standardised: sand (1 - 0.5) / 0.5 = 1, sofa 0; scores beach 2, home 0.5.
        Assert.Equal(Math.Exp(2) / (Math.Exp(2) + Math.Exp(0.5)), p[0], 9);
        Assert.Equal(1, p.Sum(), 9);
    }

    [Fact]
    public void ExplainsALabelWithTheFeaturesThatPushedItUp()
    {
        var model = Model();

        Assert.Equal(["sand"], model.Explain([1.0, 1.0], 0));
        Assert.Equal(["sofa"], model.Explain([0.0, 5.0], 1));
        Assert.Empty(model.Explain([0.0, 5.0], 0));
    }

    [Fact]
    public void RoundTripsThroughJsonAndRefusesAVectorOfTheWrongLength()
    {
        var model = LinearContextModel.FromJson(Model().ToJson());

        Assert.Equal(Model().Predict([0.2, 3]), model.Predict([0.2, 3]));
        Assert.Throws<ArgumentException>(() => model.Predict([1.0]));
    }

    [Fact]
    public void FeatureVectorMatchesItsNamesWithAndWithoutAPerson()
    {
        var image = new PoseGen.Core.Imaging.RgbImage(64, 48, [.. Enumerable.Range(0, 64 * 48 * 3)
            .Select(i => (byte)(i % 251))]);
        var objects = new List<DetectedObject> { new("couch", 0.9f, new BoundingBox(0, 0, 32, 24)),
            new("person", 0.8f, new BoundingBox(10, 10, 10, 20)) };

        var features = SceneFeatures.Vector(SceneEvidence.Measure(new SceneObservation(image, objects, null, null)), 64,
            48);

        Assert.Equal(SceneFeatures.Names.Count, features.Length);
        Assert.Equal(Math.Log(2), features[SceneFeatures.Names.ToList().IndexOf("objects: furniture")], 9);
        Assert.Equal(0.25, features[SceneFeatures.Names.ToList().IndexOf("objects: furniture (area)")], 9);
        Assert.Equal(0, features[SceneFeatures.Names.ToList().IndexOf("person: found")]);
        Assert.All(features, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void TheRulesVoteAsFeatures()
    {
        var image = new PoseGen.Core.Imaging.RgbImage(64, 48, [.. Enumerable.Range(0, 64 * 48 * 3)
            .Select(i => (byte)(i % 251))]);
        var evidence = SceneEvidence.Measure(new SceneObservation(image,
            [new("couch", 0.9f, new BoundingBox(0, 0, 32, 24))], null, null));

        var features = SceneFeatures.Vector(evidence, 64, 48);

        var (environment, _) = SceneRules.Environment(evidence);
        var home = environment.Single(e => e.Label == "home").Confidence;
        Assert.True(home > 0);
        Assert.Equal(home, features[SceneFeatures.Names.ToList().IndexOf(SceneFeatures.EnvironmentRuleVote("home"))],
            9);
        Assert.Equal(0, features[SceneFeatures.Names.ToList().IndexOf(SceneFeatures.OutfitRuleVote("formal"))]);
    }

    [Fact]
    public void BothEmbeddedModelsReadTheFeaturesThisBuildComputes()
    {
        Assert.Equal(SceneFeatures.Names, LinearContextModel.Embedded("environment")?.Features);
        Assert.Equal(SceneFeatures.Names, LinearContextModel.Embedded("outfit")?.Features);
        Assert.True(SceneClassifier.UsesLearnedModels);
    }
}
