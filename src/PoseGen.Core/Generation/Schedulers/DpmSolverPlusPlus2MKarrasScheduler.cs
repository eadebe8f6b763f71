namespace PoseGen.Core.Generation.Schedulers;

/// <summary>
/// DPM-Solver++(2M) (Lu et al. 2022, algorithm 2) on Karras sigmas, as diffusers' DPMSolverMultistepScheduler with
/// use_karras_sigmas, algorithm "dpmsolver++", solver order 2, final sigma 0. The sample is the VP latent
/// x = alpha (x0 + sigma eps) with alpha = 1 / sqrt(1 + sigma^2); the first and the last step are first order.
/// </summary>
public sealed class DpmSolverPlusPlus2MKarrasScheduler : IDiffusionScheduler
{
    private readonly double[] _timesteps;
    private readonly double[] _sigmas;
    private float[]? _previousX0;
    private int _nextStep;

    /// <param name="firstStep">Image-to-image enters the schedule part-way: the first step taken, then in
    /// order.</param>
    public DpmSolverPlusPlus2MKarrasScheduler(NoiseSchedule schedule, int steps, int firstStep = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        _nextStep = firstStep;
        var karras = NoiseSchedule.KarrasSigmas(schedule.Sigmas[0], schedule.Sigmas[^1], steps);
        _timesteps = [.. karras.Select(s => Math.Round(schedule.TimestepOf(s), MidpointRounding.ToEven))];
        _sigmas = [.. karras, 0.0];
    }

    public IReadOnlyList<double> Timesteps => _timesteps;
    public IReadOnlyList<double> Sigmas => _sigmas;
    public double InitNoiseSigma => 1;

    public double ModelInputAlphaBar(int step) => 1 / (1 + _sigmas[step] * _sigmas[step]);

    public void ScaleModelInput(ReadOnlySpan<float> sample, int step, Span<float> destination) =>
        sample.CopyTo(destination);

    public void Step(ReadOnlySpan<float> modelOutput, int step, Span<float> sample)
    {
        if (modelOutput.Length != sample.Length) throw new ArgumentException(
            "Model output and sample differ in length.", nameof(modelOutput));
        if (step != _nextStep) throw new InvalidOperationException(
            $"Expected step {_nextStep}, got {step}: multistep solvers run in order.");
        _nextStep++;

        var (alphaS, sigmaS, lambdaS) = Vp(_sigmas[step]);
        var (alphaT, sigmaT, lambdaT) = Vp(_sigmas[step + 1]);
        var x0 = new float[sample.Length];
        for (var i = 0; i < sample.Length; i++) x0[i] = (float)((sample[i] - sigmaS * modelOutput[i]) / alphaS);

        var h = lambdaT - lambdaS;
        // At the final sigma 0, lambda_t = +inf: the sample term vanishes and the update returns the x0 estimate.
        var keep = _sigmas[step + 1] == 0 ? 0 : sigmaT / sigmaS;
        var pull = -alphaT * (Math.Exp(-h) - 1);
        var secondOrder = _previousX0 is not null && step < _timesteps.Length - 1;
        var r = secondOrder ? (lambdaS - Vp(_sigmas[step - 1]).Lambda) / h : 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var d = (double)x0[i];
            if (secondOrder) d += 0.5 / r * (x0[i] - _previousX0![i]);
            sample[i] = (float)(keep * sample[i] + pull * d);
        }
        _previousX0 = x0;
    }

    /// <summary>
    /// VP coefficients of a k-diffusion sigma: alpha, sigma_vp = sigma alpha, and lambda = log(alpha / sigma_vp).
    /// </summary>
    private static (double Alpha, double Sigma, double Lambda) Vp(double sigma)
    {
        var alpha = 1 / Math.Sqrt(1 + sigma * sigma);
        var sigmaVp = sigma * alpha;
        return (alpha, sigmaVp, Math.Log(alpha) - Math.Log(sigmaVp));
    }
}
