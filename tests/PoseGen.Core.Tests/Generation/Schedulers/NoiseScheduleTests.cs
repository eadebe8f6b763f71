using PoseGen.Core.Generation.Schedulers;

namespace PoseGen.Core.Tests.Generation.Schedulers;

public sealed class NoiseScheduleTests
{
    private static readonly NoiseSchedule Sd = NoiseSchedule.StableDiffusion15;

    [Fact]
    public void ScaledLinearBetasRunFromStartToEndAlongASquaredLine()
    {
        Assert.Equal(1000, Sd.Count);
        Assert.Equal(0.00085, Sd.Betas[0], 1e-15);
        Assert.Equal(0.012, Sd.Betas[999], 1e-15);
        var mid = Math.Sqrt(0.00085) + (Math.Sqrt(0.012) - Math.Sqrt(0.00085)) * 500 / 999;
        Assert.Equal(mid * mid, Sd.Betas[500], 1e-15);
    }

    [Fact]
    public void AlphasCumprodIsTheProductOfOneMinusBeta()
    {
        Assert.Equal(1 - 0.00085, Sd.AlphasCumprod[0], 1e-15);
        var logSum = 0.0;
        for (var i = 0; i <= 700; i++) logSum += Math.Log(1 - Sd.Betas[i]);
        Assert.Equal(Math.Exp(logSum), Sd.AlphasCumprod[700], 1e-12);
    }

    [Fact]
    public void SigmaRangeMatchesStableDiffusionsWellKnownBounds()
    {
        // k-diffusion reports SD 1.x's sigma_min 0.0292 and sigma_max 14.6146.
        Assert.Equal(0.0292, Sd.Sigmas[0], 1e-4);
        Assert.Equal(14.6146, Sd.Sigmas[999], 1e-3);
    }

    [Fact]
    public void LeadingSpacingStartsAt981ForFiftyStepsWithOffsetOne()
    {
        var t = Sd.LeadingTimesteps(50);
        Assert.Equal(50, t.Length);
        Assert.Equal(981, t[0]);
        Assert.Equal(961, t[1]);
        Assert.Equal(1, t[^1]);
    }

    [Fact]
    public void LinspaceSpacingIsFractionalFrom999ToZero()
    {
        var t = Sd.LinspaceTimesteps(4);
        Assert.Equal([999, 666, 333, 0], t);
        Assert.Equal(499.5, Sd.LinspaceTimesteps(3)[1], 1e-12);
    }

    [Fact]
    public void SigmaLookupsInterpolateAndInvert()
    {
        Assert.Equal((Sd.Sigmas[499] + Sd.Sigmas[500]) / 2, Sd.SigmaAt(499.5), 1e-12);
        Assert.Equal(321, Sd.TimestepOf(Sd.Sigmas[321]), 1e-9);
        var between = Math.Exp((Math.Log(Sd.Sigmas[10]) + Math.Log(Sd.Sigmas[11])) / 2);
        Assert.Equal(10.5, Sd.TimestepOf(between), 1e-9);
    }

    [Fact]
    public void KarrasSigmasFollowRhoSevenBetweenTheBounds()
    {
        var s = NoiseSchedule.KarrasSigmas(0.0292, 14.6146, 3);
        Assert.Equal(14.6146, s[0], 1e-9);
        Assert.Equal(0.0292, s[2], 1e-9);
        var middle = Math.Pow((Math.Pow(0.0292, 1.0 / 7) + Math.Pow(14.6146, 1.0 / 7)) / 2, 7);
        Assert.Equal(middle, s[1], 1e-9);
    }

    [Fact]
    public void SeededNoiseRepeatsAndIsStandardNormal()
    {
        var a = new float[20000];
        var b = new float[20000];
        new GaussianNoise(7).Fill(a);
        new GaussianNoise(7).Fill(b);
        Assert.Equal(a, b);
        var mean = a.Average(v => (double)v);
        var variance = a.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.96, 1.04);
    }
}
