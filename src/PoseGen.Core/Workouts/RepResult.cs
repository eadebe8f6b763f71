using System.Globalization;

namespace PoseGen.Core.Workouts;

/// <summary>What the counter is doing now, for a UI. The rep phases follow the signal from the start pose to the peak
/// (squat bottom, curl top) and back; the hold phases say whether good-form seconds are accumulating.</summary>
public enum WorkoutPhase { SettingUp, AtStart, TowardPeak, AtPeak, Returning, Holding, OutOfForm }

/// <summary>
/// One completed start-peak-start cycle. Times in the frames' seconds; <see cref="RangeOfMotion"/> is the signal's
/// travel from the start pose to the peak in <see cref="Unit"/> ("deg" or "ratio"). A rep with <see cref="Issues"/> is
/// improper. <see cref="Quality"/> is in [0, 1]: good reps score 0.7 to 1 by how comfortably they pass their checks,
/// improper reps 0 to 0.5 by how far they miss. <see cref="Checks"/> say what each form check measured and what it
/// needed.
/// </summary>
public sealed record RepResult(
    int Number,
    double StartS,
    double PeakS,
    double EndS,
    double RangeOfMotion,
    string Unit,
    IReadOnlyList<string> Issues,
    double Quality,
    IReadOnlyList<CheckOutcome>? Checks = null)
{
    public bool IsGood => Issues.Count == 0;

    /// <summary>Why the rep counted as it did, in one sentence.</summary>
    public string Explanation => IsGood
        ? "Good rep" + (Checks is { Count: > 0 } c ? ": " + string.Join("; ", c.Select(o => o.Explanation)) : "")
        : "Improper: " + string.Join("; ", (Checks ?? []).Where(o => !o.Passed).Select(o => o.Explanation));
}

/// <summary>
/// A form check's verdict on one rep: the aggregated value (minimum or maximum over the rep, in <see cref="Unit"/>;
/// a fraction of the start pose when <see cref="RelativeToStart"/>) and the bound it was held to.
/// </summary>
public sealed record CheckOutcome(
    string Id, string Label, double Value, string Unit, bool RelativeToStart, double? AtLeast, double? AtMost,
    bool Passed,
    string Issue)
{
    /// <summary>"knee angle reached 104°, needs 95° or less".</summary>
    public string Explanation
    {
        get
        {
            var need = (AtLeast, AtMost) switch
            {
                ({ } lo, { } hi) => $"needs {Format(lo)} to {Format(hi)}",
                ({ } lo, null) => $"needs {Format(lo)} or more",
                (null, { } hi) => $"needs {Format(hi)} or less",
                _ => "",
            };
            return $"{Label} {Format(Value)}, {need}";
        }
    }

    private string Format(double v) =>
        RelativeToStart ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0}% of the start pose")
        : Unit == "deg" ? string.Create(CultureInfo.InvariantCulture, $"{v:0}°")
        : v.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>A cycle that began but was not counted, with the reason ("reached only 55% of your range").</summary>
public sealed record UncountedCycle(double StartS, double PeakS, double EndS, string Reason);
