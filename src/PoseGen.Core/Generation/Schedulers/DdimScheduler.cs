namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// DDIM (Song et al. 2021, eq. 12) as diffusers' DDIMScheduler configures it for SD 1.5: "leading" timesteps with
/// steps_offset 1, epsilon prediction, no clipping; past the last timestep alpha-bar is alphas_cumprod[0] unless
/// <paramref name="setAlphaToOne"/> (SD 1.5 ships set_alpha_to_one = false). eta = 0 is deterministic.
/// </summary>
public sealed class DdimScheduler(NoiseSchedule schedule, int steps, int seed, double eta = 0,
    bool setAlphaToOne = false)
    : IDiffusionScheduler
{
    private readonly int[] _timesteps = schedule.LeadingTimesteps(steps);
    private readonly GaussianNoise _noise = new(seed);
    private readonly int _ratio = schedule.Count / steps;

    public IReadOnlyList<double> Timesteps => [.. _timesteps.Select(t => (double)t)];
    public double InitNoiseSigma => 1;

    public double ModelInputAlphaBar(int step) => schedule.AlphasCumprod[_timesteps[step]];

    public void ScaleModelInput(ReadOnlySpan<float> sample, int step, Span<float> destination) =>
        sample.CopyTo(destination);

    public void Step(ReadOnlySpan<float> modelOutput, int step, Span<float> sample)
    {
        if (modelOutput.Length != sample.Length) throw new ArgumentException(
            "Model output and sample differ in length.", nameof(modelOutput));
        var t = _timesteps[step];
        var previous = t - _ratio;
        var a = schedule.AlphasCumprod[t];
        var aPrev = previous >= 0 ? schedule.AlphasCumprod[previous] : setAlphaToOne ? 1.0 : schedule.AlphasCumprod[0];
        var variance = (1 - aPrev) / (1 - a) * (1 - a / aPrev);
        var std = eta * Math.Sqrt(variance);
        var direction = Math.Sqrt(Math.Max(1 - aPrev - std * std, 0));
        for (var i = 0; i < sample.Length; i++)
        {
            var eps = (double)modelOutput[i];
            var x0 = (sample[i] - Math.Sqrt(1 - a) * eps) / Math.Sqrt(a);
            var next = Math.Sqrt(aPrev) * x0 + direction * eps;
            if (std > 0) next += std * _noise.Next();
            sample[i] = (float)next;
        }
    }
}
