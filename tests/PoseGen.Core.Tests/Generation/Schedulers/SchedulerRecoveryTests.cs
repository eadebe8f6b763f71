using PoseGen.Core.Generation.Schedulers;

namespace PoseGen.Core.Tests.Generation.Schedulers;

/// <summary>
/// Closed-form checks: the "model" is an oracle that knows the clean latent x0 and answers the exact noise of its
/// input, eps = (input - sqrt(ab) x0) / sqrt(1 - ab). A correct scheduler must then land on (or next to) x0.
/// </summary>
public sealed class SchedulerRecoveryTests
{
    private static readonly NoiseSchedule Sd = NoiseSchedule.StableDiffusion15;

    private static float[] Clean() => Enumerable.Range(0, 64).Select(i => (float)Math.Sin(i * 0.37) * 1.5f).ToArray();

    private static float[] Noise(int seed)
    {
        var n = new float[64];
        new GaussianNoise(seed).Fill(n);
        return n;
    }

    private static float[] Run(IDiffusionScheduler scheduler, float[] start, Func<float[], double, float[]> model)
    {
        var sample = (float[])start.Clone();
        var input = new float[sample.Length];
        for (var i = 0; i < scheduler.Timesteps.Count; i++)
        {
            scheduler.ScaleModelInput(sample, i, input);
            scheduler.Step(model(input, scheduler.ModelInputAlphaBar(i)), i, sample);
        }
        return sample;
    }

    private static Func<float[], double, float[]> Oracle(float[] x0) => (input, ab) =>
        input.Select((v, j) => (float)((v - Math.Sqrt(ab) * x0[j]) / Math.Sqrt(1 - ab))).ToArray();

    private static float[] FromNoise(IDiffusionScheduler s, int seed) =>
        Noise(seed).Select(v => (float)(v * s.InitNoiseSigma)).ToArray();

    private static void AssertClose(float[] expected, float[] actual, double tolerance) =>
        Assert.All(expected.Zip(actual), p => Assert.InRange(p.Second - p.First, -tolerance, tolerance));

    [Fact]
    public void DdimWithTrueNoiseLandsOnAlphaBarZeroMixture()
    {
        var (x0, eps) = (Clean(), Noise(1));
        var scheduler = new DdimScheduler(Sd, 50, seed: 0);
        var a = Sd.AlphasCumprod[981];
        var start = x0.Zip(eps, (x, e) => (float)(Math.Sqrt(a) * x + Math.Sqrt(1 - a) * e)).ToArray();
        var result = Run(scheduler, start, Oracle(x0));
        // SD 1.5 keeps set_alpha_to_one = false, so DDIM stops at alphas_cumprod[0], not at the clean latent.
        var a0 = Sd.AlphasCumprod[0];
        AssertClose(x0.Zip(eps, (x, e) => (float)(Math.Sqrt(a0) * x + Math.Sqrt(1 - a0) * e)).ToArray(), result, 1e-4);
    }

    [Fact]
    public void DdimWithFinalAlphaOneRecoversTheCleanLatent()
    {
        var x0 = Clean();
        var scheduler = new DdimScheduler(Sd, 25, seed: 0, setAlphaToOne: true);
        AssertClose(x0, Run(scheduler, FromNoise(scheduler, 2), Oracle(x0)), 1e-4);
    }

    [Fact]
    public void DpmSolverPlusPlus2MKarrasRecoversTheCleanLatent()
    {
        var x0 = Clean();
        var scheduler = new DpmSolverPlusPlus2MKarrasScheduler(Sd, 30);
        AssertClose(x0, Run(scheduler, FromNoise(scheduler, 3), Oracle(x0)), 1e-4);
    }

    [Fact]
    public void DpmKarrasTablesSpanTheTrainingSigmas()
    {
        var scheduler = new DpmSolverPlusPlus2MKarrasScheduler(Sd, 30);
        Assert.Equal(31, scheduler.Sigmas.Count);
        Assert.Equal(Sd.Sigmas[999], scheduler.Sigmas[0], 1e-12);
        Assert.Equal(Sd.Sigmas[0], scheduler.Sigmas[29], 1e-12);
        Assert.Equal(0, scheduler.Sigmas[30]);
        Assert.Equal(999, scheduler.Timesteps[0]);
        Assert.Equal(0, scheduler.Timesteps[^1]);
        Assert.True(scheduler.Timesteps.Zip(scheduler.Timesteps.Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public void DpmRefusesStepsOutOfOrder()
    {
        var scheduler = new DpmSolverPlusPlus2MKarrasScheduler(Sd, 10);
        var sample = new float[4];
        Assert.Throws<InvalidOperationException>(() => scheduler.Step(new float[4], 1, sample));
    }

    [Fact]
    public void EulerAncestralWithTrueNoiseConvergesToTheCleanLatent()
    {
        var x0 = Clean();
        var scheduler = new EulerAncestralScheduler(Sd, 30, seed: 4);
        Assert.Equal(Sd.Sigmas[999], scheduler.InitNoiseSigma, 1e-12);
        AssertClose(x0, Run(scheduler, FromNoise(scheduler, 5), Oracle(x0)), 1e-3);
    }

    [Fact]
    public void EulerAncestralNoiseDependsOnlyOnTheSeed()
    {
        static float[] WithSeed(int seed)
        {
            var scheduler = new EulerAncestralScheduler(Sd, 10, seed);
            return Run(scheduler, new float[64], (input, _) => new float[input.Length]);
        }
        Assert.Equal(WithSeed(11), WithSeed(11));
        Assert.NotEqual(WithSeed(11), WithSeed(12));
    }

    [Fact]
    public void LcmUsesTheDistillationGridAndRecoversTheCleanLatent()
    {
        var x0 = Clean();
        var scheduler = new LcmScheduler(Sd, 4, seed: 6);
        Assert.Equal([999, 759, 499, 259], scheduler.Timesteps);
        AssertClose(x0, Run(scheduler, FromNoise(scheduler, 7), Oracle(x0)), 1e-4);
    }
}
