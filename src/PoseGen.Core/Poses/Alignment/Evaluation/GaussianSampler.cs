namespace PoseGen.Core.Poses.Alignment.Evaluation;

/// <summary>Seeded source of uniform and normal variates; the same seed gives the same sequence on every run.</summary>
public sealed class GaussianSampler(int seed)
{
#pragma warning disable CA5394 // Benchmark noise, not security: a seeded, reproducible generator is the point.
    private readonly Random _random = new(seed);

    public double NextDouble() => _random.NextDouble();

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
#pragma warning restore CA5394

    /// <summary>Normal variate by the Box-Muller transform (one of the pair; simplicity over speed).</summary>
    public double NextGaussian(double mean = 0, double sigma = 1)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
