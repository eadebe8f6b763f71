namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// One denoising run of an epsilon-predicting model. Use a fresh instance per generation: multistep solvers keep
/// history and ancestral ones draw seeded noise. Steps are taken in order 0..Timesteps.Count-1.
/// The loop: sample = noise * InitNoiseSigma; per step, input = ScaleModelInput(sample), eps = model(input,
/// Timesteps[i]), Step(eps, i, sample).
/// </summary>
public interface IDiffusionScheduler
{
    /// <summary>Training timesteps handed to the model, one per step (fractional for some spacings).</summary>
    IReadOnlyList<double> Timesteps { get; }

    /// <summary>Standard deviation of the starting noise.</summary>
    double InitNoiseSigma { get; }

    /// <summary>alpha-bar of the model input at a step: input = sqrt(ab) x0 + sqrt(1 - ab) eps.</summary>
    double ModelInputAlphaBar(int step);

    void ScaleModelInput(ReadOnlySpan<float> sample, int step, Span<float> destination);

    /// <summary>
    /// Advances <paramref name="sample"/> in place from step <paramref name="step"/> to the next noise level.
    /// </summary>
    void Step(ReadOnlySpan<float> modelOutput, int step, Span<float> sample);
}
