using PoseGen.Core.Generation.Schedulers;

namespace PoseGen.Core.Tests.Generation.Schedulers;

/// <summary>
/// Order check for DPM-Solver++(2M): with a data prediction linear in lambda, x0(lambda) = c + k lambda, the
/// probability-flow ODE in VP form has the closed-form solution
/// x_b = (s_b / s_a) x_a + s_b [c (e^lb - e^la) + k (e^lb (lb - 1) - e^la (la - 1))], with s the VP sigma.
/// A second-order solver's error falls about four-fold when the step count doubles; a first-order one only two-fold.
/// </summary>
public sealed class DpmSolverOrderTests
{
    private const double C = 0.8;
    private const double K = 0.3;

    private static (double Alpha, double Sigma, double Lambda) Vp(double sigma)
    {
        var alpha = 1 / Math.Sqrt(1 + sigma * sigma);
        return (alpha, sigma * alpha, -Math.Log(sigma));
    }

    private static double ErrorAtSigmaMin(int steps)
    {
        var scheduler = new DpmSolverPlusPlus2MKarrasScheduler(NoiseSchedule.StableDiffusion15, steps);
        const float start = 1.7f;
        var sample = new[] { start };
        // Stop one step early, at sigma_min: the final step jumps to sigma 0, where lambda is infinite.
        for (var i = 0; i < steps - 1; i++)
        {
            var (alpha, sigma, lambda) = Vp(scheduler.Sigmas[i]);
            var eps = (sample[0] - alpha * (C + K * lambda)) / sigma;
            scheduler.Step([(float)eps], i, sample);
        }
        var (_, sa, la) = Vp(scheduler.Sigmas[0]);
        var (_, sb, lb) = Vp(scheduler.Sigmas[steps - 1]);
        var exact = sb / sa * start
            + sb * (C * (Math.Exp(lb) - Math.Exp(la)) + K * (Math.Exp(lb) * (lb - 1) - Math.Exp(la) * (la - 1)));
        return Math.Abs(sample[0] - exact);
    }

    [Fact]
    public void ErrorShrinksQuadraticallyWithStepCount()
    {
        var coarse = ErrorAtSigmaMin(10);
        var fine = ErrorAtSigmaMin(20);
        Assert.True(coarse > 1e-5, $"coarse error {coarse} is too small to measure the order");
        Assert.InRange(coarse / fine, 3.0, 6.0);
    }
}
