using PoseGen.Core.Context;
using PoseGen.Core.Context.Scene;
using static PoseGen.Core.Tests.Context.Scene.SceneImages;

namespace PoseGen.Core.Tests.Context.Scene;

public sealed class SceneRulesTests
{
    [Fact]
    public void SkyOverSandIsABeachWithColourEvidence()
    {
        var image = Filled(300, 200, Sky);
        Paint(image, 0, 120, 300, 200, Sand);
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(image, [], null, null));
        Assert.Equal("beach", context.Environment[0].Label);
        Assert.Contains(context.Environment[0].Evidence, e => e.StartsWith("sand-coloured ground",
            StringComparison.Ordinal));
        Assert.Contains(context.Environment[0].Evidence, e => e.StartsWith("blue top band", StringComparison.Ordinal));
        Assert.All(context.Environment, e => Assert.Equal(ContextSource.Image, e.Source));
        Assert.False(context.Indoor);
    }

    [Fact]
    public void APhotoWithoutAPersonGetsAnEnvironmentAndNoOutfit()
    {
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(Filled(200, 200, Grass), [], null, null));
        Assert.Equal("park", context.Environment[0].Label);
        Assert.Empty(context.Outfit);
    }

    [Fact]
    public void AFeaturelessGreyBackgroundIsAStudioInStudioLight()
    {
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(Filled(200, 300, Grey), [], null, null));
        Assert.Equal("studio", context.Environment[0].Label);
        Assert.Equal("studio light", context.Lighting);
    }

    [Fact]
    public void WhiteGroundUnderSkyWithSkisIsSnow()
    {
        var image = Filled(300, 200, Sky);
        Paint(image, 0, 80, 300, 200, Snow);
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(image, [Object("skis")], null, null));
        Assert.Equal("snow", context.Environment[0].Label);
        Assert.Contains("skis", context.Environment[0].Evidence);
    }

    [Fact]
    public void StraightEdgesIndoorsWithACouchIsHome()
    {
        var image = Filled(300, 300, Grey);
        Bars(image, 0, 0, 300, 300, 12);
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(image, [Object("couch")], null, null));
        Assert.Equal("home", context.Environment[0].Label);
        Assert.True(context.Indoor);
        Assert.Contains(context.Environment[0].Evidence, e => e.StartsWith("strong straight edges",
            StringComparison.Ordinal));
    }

    [Fact]
    public void ObjectsBelowTheScoreFloorAreIgnored()
    {
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(Filled(200, 200, Grey),
            [Object("skis", 0.1f)], null, null));
        Assert.DoesNotContain(context.Environment, e => e.Label == "snow");
    }

    [Fact]
    public void BareArmsUnderACoveredTorsoReadAsCasual()
    {
        var image = Filled(400, 400, Grass);
        var pose = Standing(200, 20, 360);
        Dress(image, pose, torso: (200, 40, 40), arms: Skin, legs: Navy);
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(image, [], null, pose));
        Assert.Equal("casual", context.Outfit[0].Label);
        Assert.Contains(context.Outfit[0].Evidence, e => e.StartsWith("bare arms", StringComparison.Ordinal));
    }

    [Fact]
    public void ATieMakesTheOutfitFormal()
    {
        var image = Filled(400, 400, Grey);
        Bars(image, 0, 0, 400, 400, 20);
        var pose = Standing(200, 20, 360);
        Dress(image, pose, torso: Navy, arms: Navy, legs: Navy);
        var context = SceneClassifier.ClassifyWithRules(new SceneObservation(image, [Object("tie")], null, pose));
        Assert.Equal("formal", context.Outfit[0].Label);
        Assert.Contains("tie", context.Outfit[0].Evidence);
        Assert.Contains(context.Outfit[0].Evidence, e => e.StartsWith("covered arms and legs, dark",
            StringComparison.Ordinal));
    }

    [Fact]
    public void TheMaskDecidesWhatIsBackground()
    {
        // Left half grass, right half a "person" painted grey: with the mask over the right half the background is all
        // grass.
        var image = Filled(200, 200, Grass);
        Paint(image, 100, 0, 200, 200, Grey);
        var probabilities = new float[16];
        for (var i = 0; i < 16; i++) probabilities[i] = i % 4 >= 2 ? 1 : 0;
        var evidence = SceneEvidence.Measure(new SceneObservation(image, [], new PersonMask(4, 4, probabilities),
            null));
        Assert.True(evidence.Background[ColourClass.Foliage] > 0.95f);
        Assert.InRange(evidence.Whole[ColourClass.Foliage], 0.4f, 0.6f);
    }

    [Theory]
    [InlineData(135, 190, 235, ColourClass.Sky)]
    [InlineData(222, 198, 150, ColourClass.Sand)]
    [InlineData(60, 140, 50, ColourClass.Foliage)]
    [InlineData(240, 242, 245, ColourClass.Snow)]
    [InlineData(205, 150, 120, ColourClass.Skin)]
    [InlineData(20, 90, 130, ColourClass.Water)]
    public void PixelClassesMatchTheirColourChart(byte r, byte g, byte b, ColourClass expected) =>
        Assert.NotEqual(0, PixelColour.Classes(r, g, b) & PixelColour.Bit(expected));

    [Fact]
    public void GreenIsNotSkyOrSand() =>
        Assert.Equal(0, PixelColour.Classes(60, 140, 50) & (PixelColour.Bit(ColourClass.Sky)
            | PixelColour.Bit(ColourClass.Sand)));
}
