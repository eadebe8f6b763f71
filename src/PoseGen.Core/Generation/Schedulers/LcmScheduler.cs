namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// Latent Consistency Model sampling (Luo et al. 2023, algorithm 3) as diffusers' LCMScheduler: timesteps picked from
/// the 50-step distillation grid (19, 39, ..., 999; 4 steps give 999, 759, 499, 259), the consistency boundary
/// condition c_skip/c_out at timestep_scaling 10 and sigma_data 0.5, and fresh seeded noise between steps.
/// </summary>
public sealed class LcmScheduler : IDiffusionScheduler
{
    private const double TimestepScaling = 10;
    private const double SigmaData = 0.5;
    private readonly NoiseSchedule _schedule;
    private readonly int[] _timesteps;
    private readonly GaussianNoise _noise;

    public LcmScheduler(NoiseSchedule schedule, int steps, int seed, int originalSteps = 50)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, originalSteps);
        _schedule = schedule;
        var k = schedule.Count / originalSteps;
        // Distillation grid descending: originalSteps * k - 1, ..., k - 1; then floor(linspace(0, originalSteps,
        // steps)) of it.
        _timesteps = Enumerable.Range(0, steps)
            .Select(i => (int)Math.Floor((double)i * originalSteps / steps))
            .Select(index => (originalSteps - index) * k - 1).ToArray();
        _noise = new GaussianNoise(seed);
    }

    public IReadOnlyList<double> Timesteps => [.. _timesteps.Select(t => (double)t)];
    public double InitNoiseSigma => 1;

    public double ModelInputAlphaBar(int step) => _schedule.AlphasCumprod[_timesteps[step]];

    public void ScaleModelInput(ReadOnlySpan<float> sample, int step, Span<float> destination) =>
        sample.CopyTo(destination);

    public void Step(ReadOnlySpan<float> modelOutput, int step, Span<float> sample)
    {
        if (modelOutput.Length != sample.Length) throw new ArgumentException(
            "Model output and sample differ in length.", nameof(modelOutput));
        var t = _timesteps[step];
        var a = _schedule.AlphasCumprod[t];
        var scaled = t * TimestepScaling;
        var cSkip = SigmaData * SigmaData / (scaled * scaled + SigmaData * SigmaData);
        var cOut = scaled / Math.Sqrt(scaled * scaled + SigmaData * SigmaData);
        var last = step == _timesteps.Length - 1;
        var aNext = last ? 1 : _schedule.AlphasCumprod[_timesteps[step + 1]];
        for (var i = 0; i < sample.Length; i++)
        {
            var x0 = (sample[i] - Math.Sqrt(1 - a) * modelOutput[i]) / Math.Sqrt(a);
            var denoised = cOut * x0 + cSkip * sample[i];
            sample[i] = (float)(last ? denoised : Math.Sqrt(aNext) * denoised + Math.Sqrt(1 - aNext) * _noise.Next());
        }
    }
}
