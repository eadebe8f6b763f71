namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// A discrete DDPM training schedule: betas, cumulative alphas (alpha-bar) and the matching k-diffusion sigmas
/// sigma_t = sqrt((1 - alphabar_t) / alphabar_t), indexed by training timestep 0..Count-1.
/// </summary>
public sealed class NoiseSchedule
{
    private NoiseSchedule(double[] betas)
    {
        Betas = betas;
        var alphasCumprod = new double[betas.Length];
        var product = 1.0;
        for (var i = 0; i < betas.Length; i++)
        {
            product *= 1 - betas[i];
            alphasCumprod[i] = product;
        }
        AlphasCumprod = alphasCumprod;
        Sigmas = alphasCumprod.Select(a => Math.Sqrt((1 - a) / a)).ToArray();
    }

    public IReadOnlyList<double> Betas { get; }
    public IReadOnlyList<double> AlphasCumprod { get; }
    public IReadOnlyList<double> Sigmas { get; }
    public int Count => Betas.Count;

    /// <summary>Stable Diffusion 1.5's schedule: beta 0.00085 to 0.012 over 1000 steps, scaled-linear.</summary>
    public static NoiseSchedule StableDiffusion15 { get; } = ScaledLinear(0.00085, 0.012, 1000);

    /// <summary>diffusers' "scaled_linear": betas = linspace(sqrt(start), sqrt(end), count)^2.</summary>
    public static NoiseSchedule ScaledLinear(double betaStart, double betaEnd, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var (a, b) = (Math.Sqrt(betaStart), Math.Sqrt(betaEnd));
        return new NoiseSchedule(Enumerable.Range(0, count).Select(i => Math.Pow(a + (b - a) * i / (count - 1), 2))
            .ToArray());
    }

    /// <summary>
    /// diffusers' "leading" spacing: (0, r, 2r, ...) with r = Count / steps (integer division), descending, plus
    /// <paramref name="offset"/> (SD 1.5's steps_offset is 1).
    /// </summary>
    public int[] LeadingTimesteps(int steps, int offset = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, Count);
        var ratio = Count / steps;
        return Enumerable.Range(0, steps).Select(i => (steps - 1 - i) * ratio + offset).ToArray();
    }

    /// <summary>diffusers' "linspace" spacing: linspace(0, Count - 1, steps), descending, kept fractional.</summary>
    public double[] LinspaceTimesteps(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        if (steps == 1) return [Count - 1];
        return Enumerable.Range(0, steps).Select(i => (Count - 1) * (double)(steps - 1 - i) / (steps - 1)).ToArray();
    }

    /// <summary>sigma at a fractional timestep, linear between neighbours (numpy interp over 0..Count-1).</summary>
    public double SigmaAt(double timestep)
    {
        var t = Math.Clamp(timestep, 0, Count - 1);
        var low = Math.Min((int)Math.Floor(t), Count - 2);
        var w = t - low;
        return Sigmas[low] * (1 - w) + Sigmas[low + 1] * w;
    }

    /// <summary>
    /// The fractional timestep of a sigma, interpolating linearly in log sigma (diffusers' <c>_sigma_to_t</c>).
    /// </summary>
    public double TimestepOf(double sigma)
    {
        var logSigma = Math.Log(Math.Max(sigma, 1e-10));
        var low = 0;
        for (var i = 0; i < Count; i++)
            if (logSigma >= Math.Log(Sigmas[i])) low = i;
        low = Math.Min(low, Count - 2);
        var (lo, hi) = (Math.Log(Sigmas[low]), Math.Log(Sigmas[low + 1]));
        var w = Math.Clamp((lo - logSigma) / (lo - hi), 0, 1);
        return (1 - w) * low + w * (low + 1);
    }

    /// <summary>Karras et al. (2022) eq. 5 sigmas, rho = 7, from sigmaMax down to sigmaMin.</summary>
    public static double[] KarrasSigmas(double sigmaMin, double sigmaMax, int steps, double rho = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var (minInv, maxInv) = (Math.Pow(sigmaMin, 1 / rho), Math.Pow(sigmaMax, 1 / rho));
        return Enumerable.Range(0, steps)
            .Select(i => Math.Pow(maxInv + (steps == 1 ? 0 : (double)i / (steps - 1)) * (minInv - maxInv), rho))
            .ToArray();
    }
}
