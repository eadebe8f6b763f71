using PoseGen.Core.Generation;

namespace PoseGen.Core.Tests.Generation;

public sealed class GuidanceEmbeddingTests
{
    // Reference values: diffusers' get_guidance_scale_embedding evaluated by hand in Python (math module, double
    // precision) for guidance 8.5 (LCM's default) and dim 256 (LCM Dreamshaper v7's time_cond_proj_dim).
    [Theory]
    [InlineData(0, -0.8512358993460261)]
    [InlineData(1, 0.8422281421293536)]
    [InlineData(64, -0.07243391450661335)]
    [InlineData(127, 0.6816387600233337)]
    [InlineData(128, -0.524783234930921)]
    [InlineData(129, 0.5391212819072694)]
    [InlineData(200, -0.9390332165094657)]
    [InlineData(255, 0.7316888688738213)]
    public void MatchesTheLcmPipelinesEmbeddingOfGuidanceEightAndAHalf(int index, double expected)
    {
        var embedding = GuidanceEmbedding.ForGuidanceScale(8.5f, 256);
        Assert.Equal(256, embedding.Length);
        Assert.Equal(expected, embedding[index], 1e-5);
    }

    [Fact]
    public void GuidanceOneIsNoGuidanceSinesZeroAndCosinesOne()
    {
        var embedding = GuidanceEmbedding.ForGuidanceScale(1f, 256);
        Assert.All(embedding[..128], v => Assert.Equal(0f, v));
        Assert.All(embedding[128..], v => Assert.Equal(1f, v));
    }

    [Fact]
    public void LowestFrequencyIsOneTenThousandthOfTheScaledWeight()
    {
        // dim 8: frequencies 1, 10^-4/3, 10^-8/3, 10^-4; w = 1 -> 1000, so the last sine is sin(0.1).
        var embedding = GuidanceEmbedding.ForGuidanceScale(2f, 8);
        Assert.Equal(Math.Sin(0.1), embedding[3], 1e-6);
        Assert.Equal(Math.Cos(1000), embedding[4], 1e-5);
    }
}
