using PoseGen.Core.Context;
using PoseGen.Core.Context.Scene;
using static PoseGen.Core.Tests.Context.Scene.SceneImages;

namespace PoseGen.Core.Tests.Context.Scene;

/// <summary>
/// The classifier with its embedded learned models, on drawn photos: the shape of its answer, not its accuracy (that is
/// measured leave-one-out by tools/PoseGen.ContextTrainer on real photos; bench/RESULTS.md, "Context as a model").
/// </summary>
public sealed class LearnedSceneClassifierTests
{
    [Fact]
    public void EveryEnvironmentIsRankedByProbabilityWithEvidence()
    {
        var image = Filled(300, 200, Sky);
        Paint(image, 0, 120, 300, 200, Sand);

        var context = SceneClassifier.Classify(new SceneObservation(image, [], null, null));

        Assert.Equal(ContextLabels.Environments.Keys.Order(), context.Environment.Select(e => e.Label).Order());
        Assert.Equal(1, context.Environment.Sum(e => e.Confidence), 2);
        Assert.Equal(context.Environment.OrderByDescending(e => e.Confidence).Select(e => e.Label),
            context.Environment.Select(e => e.Label));
        Assert.NotEmpty(context.Environment[0].Evidence);
        Assert.Equal(context.Environment[0].Confidence >= 0.35, context.EnvironmentSure);
    }

    [Theory]
    [InlineData(40, 90, 200)]
    [InlineData(135, 190, 235)]
    [InlineData(128, 128, 128)]
    public void APlainPictureWithNothingInItIsNotSureOfThePlace(byte r, byte g, byte b)
    {
        var context = SceneClassifier.Classify(new SceneObservation(Filled(300, 200, (r, g, b)), [], null, null));

        Assert.False(context.EnvironmentSure);
        Assert.NotEmpty(context.Environment);
    }

    [Fact]
    public void ADrawnBeachIsNotFeatureless()
    {
        var image = Filled(300, 200, Sky);
        Paint(image, 0, 120, 300, 200, Sand);
        var observation = new SceneObservation(image, [], null, null);

        Assert.False(SceneClassifier.Featureless(observation, SceneEvidence.Measure(observation)));
    }

    [Fact]
    public void ARuleVoteIsExplainedWithWhatTheRulesSaw()
    {
        var model = LinearContextModel.Embedded("environment")!;
        var explained = 0;
        foreach (var observation in DrawnScenes())
        {
            var evidence = SceneEvidence.Measure(observation);
            var features = SceneFeatures.Vector(evidence, observation.Image.Width, observation.Image.Height);
            var (rules, _) = SceneRules.Environment(evidence);
            var context = SceneClassifier.Classify(observation);
            foreach (var estimate in context.Environment)
            {
                var votes = model.Explain(features, model.Labels.ToList().IndexOf(estimate.Label))
                    .Where(name => name.StartsWith("rules: ", StringComparison.Ordinal)).ToList();
                Assert.DoesNotContain(estimate.Evidence, e => e.StartsWith("rules: ", StringComparison.Ordinal));
                // A vote the rules did not cast (pushing this label through a negative weight) is left out, which the
                // check above covers; one they cast is shown as what they saw.
                foreach (var cast in votes.Select(v => rules.SingleOrDefault(
                    r => SceneFeatures.EnvironmentRuleVote(r.Label) == v)).OfType<ContextEstimate>())
                {
                    Assert.Contains(cast.Evidence[0], estimate.Evidence);
                    explained++;
                }
            }
        }
        Assert.True(explained > 0, "no drawn scene had a rule vote among its strongest features");
    }

    private static IEnumerable<SceneObservation> DrawnScenes()
    {
        var beach = Filled(300, 200, Sky);
        Paint(beach, 0, 120, 300, 200, Sand);
        var snow = Filled(300, 200, Sky);
        Paint(snow, 0, 110, 300, 200, Snow);
        yield return new SceneObservation(beach, [], null, null);
        yield return new SceneObservation(snow, [Object("skis")], null, null);
        yield return new SceneObservation(Filled(200, 300, Grey), [], null, null);
        yield return new SceneObservation(Filled(200, 200, Grass), [Object("bench")], null, null);
        yield return new SceneObservation(Filled(300, 200, Grey), [Object("couch"), Object("tv")], null, null);
    }

    [Fact]
    public void APhotoWithoutAPersonGetsAnEnvironmentAndNoOutfit()
    {
        var context = SceneClassifier.Classify(new SceneObservation(Filled(200, 200, Grass), [], null, null));

        Assert.NotEmpty(context.Environment);
        Assert.Empty(context.Outfit);
        Assert.False(context.OutfitSure);
    }

    [Fact]
    public void APersonGetsEveryOutfitRanked()
    {
        var image = Filled(200, 300, Grey);
        var pose = Standing(100, 20, 280);

        var context = SceneClassifier.Classify(new SceneObservation(image, [], null, pose));

        Assert.Equal(ContextLabels.Outfits.Keys.Order(), context.Outfit.Select(e => e.Label).Order());
        Assert.All(context.Outfit, e => Assert.Equal(ContextSource.Image, e.Source));
    }
}
