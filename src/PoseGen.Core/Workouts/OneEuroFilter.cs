namespace PoseGen.Core.Workouts;

/// <summary>
/// One-Euro filter state for one scalar (Casiez, Roussel, Vogel, "1 Euro Filter", CHI 2012): a low-pass filter whose
/// cutoff rises with speed, so a held pose is steady and a fast rep has little lag. Works at any frame rate because
/// the smoothing factors come from the actual time step.
/// </summary>
public readonly record struct OneEuroFilter(double Value, double Derivative, double Time, bool IsInitialised)
{
    public OneEuroFilter Next(double x, double time, SmoothingSettings settings)
    {
        if (!IsInitialised) return new OneEuroFilter(x, 0, time, true);
        var dt = time - Time;
        if (dt <= 0) return this;
        var speed = (x - Value) / dt;
        var derivative = Derivative + (Alpha(settings.DerivativeCutoffHz, dt) * (speed - Derivative));
        var cutoff = settings.MinCutoffHz + (settings.Beta * Math.Abs(derivative));
        var value = Value + (Alpha(cutoff, dt) * (x - Value));
        return new OneEuroFilter(value, derivative, time, true);
    }

    /// <summary>
    /// Smoothing factor of a first-order low-pass with the given cutoff: 1 / (1 + tau / dt), tau = 1 / (2 pi fc).
    /// </summary>
    public static double Alpha(double cutoffHz, double dt) => 1 / (1 + (1 / (2 * Math.PI * cutoffHz * dt)));
}
