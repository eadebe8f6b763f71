namespace PoseGen.Core.Workouts;

/// <summary>What the counter is doing now, for a UI. The rep phases follow the signal from the start pose to the peak
/// (squat bottom, curl top) and back; the hold phases say whether good-form seconds are accumulating.</summary>
public enum WorkoutPhase { SettingUp, AtStart, TowardPeak, AtPeak, Returning, Holding, OutOfForm }

/// <summary>
/// One completed start-peak-start cycle. Times in the frames' seconds; <see cref="RangeOfMotion"/> is the signal's travel
/// from the start pose to the peak in <see cref="Unit"/> ("deg" or "ratio"). A rep with <see cref="Issues"/> is improper.
/// <see cref="Quality"/> is in [0, 1]: good reps score 0.7 to 1 by how comfortably they pass their checks, improper
/// reps 0 to 0.5 by how far they miss.
/// </summary>
public sealed record RepResult(
    int Number,
    double StartS,
    double PeakS,
    double EndS,
    double RangeOfMotion,
    string Unit,
    IReadOnlyList<string> Issues,
    double Quality)
{
    public bool IsGood => Issues.Count == 0;
}
