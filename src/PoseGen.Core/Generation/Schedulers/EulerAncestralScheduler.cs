namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// Euler ancestral sampling (k-diffusion's sample_euler_ancestral, diffusers' EulerAncestralDiscreteScheduler) with
/// "linspace" timesteps, diffusers' default for the SD 1.5 config: fractional timesteps, sigmas interpolated linearly
/// in t, a final sigma of 0. The sample lives in sigma space (x = x0 + sigma eps); the model sees x / sqrt(sigma^2 +
/// 1).
/// </summary>
public sealed class EulerAncestralScheduler : IDiffusionScheduler
{
    private readonly double[] _timesteps;
    private readonly double[] _sigmas;
    private readonly GaussianNoise _noise;

    public EulerAncestralScheduler(NoiseSchedule schedule, int steps, int seed)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _timesteps = schedule.LinspaceTimesteps(steps);
        _sigmas = [.. _timesteps.Select(schedule.SigmaAt), 0.0];
        _noise = new GaussianNoise(seed);
    }

    public IReadOnlyList<double> Timesteps => _timesteps;
    public IReadOnlyList<double> Sigmas => _sigmas;

    // "linspace" and "trailing" spacings start at the largest sigma itself (diffusers' init_noise_sigma).
    public double InitNoiseSigma => _sigmas[0];

    public double ModelInputAlphaBar(int step) => 1 / (1 + _sigmas[step] * _sigmas[step]);

    public void ScaleModelInput(ReadOnlySpan<float> sample, int step, Span<float> destination)
    {
        var scale = 1 / Math.Sqrt(_sigmas[step] * _sigmas[step] + 1);
        for (var i = 0; i < sample.Length; i++) destination[i] = (float)(sample[i] * scale);
    }

    public void Step(ReadOnlySpan<float> modelOutput, int step, Span<float> sample)
    {
        if (modelOutput.Length != sample.Length) throw new ArgumentException(
            "Model output and sample differ in length.", nameof(modelOutput));
        var (from, to) = (_sigmas[step], _sigmas[step + 1]);
        var up = Math.Sqrt(to * to * (from * from - to * to) / (from * from));
        var down = Math.Sqrt(to * to - up * up);
        for (var i = 0; i < sample.Length; i++)
        {
            // x0 = x - sigma eps, so the ODE derivative (x - x0) / sigma is eps itself.
            var next = sample[i] + modelOutput[i] * (down - from);
            if (up > 0) next += _noise.Next() * up;
            sample[i] = (float)next;
        }
    }
}
