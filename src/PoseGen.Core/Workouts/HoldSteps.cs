namespace PoseGen.Core.Workouts;

/// <summary>
/// Timed holds once settled: good-form seconds accumulate between consecutive usable frames (time across unusable
/// frames is not counted, yet does not break the hold) while every check passes
/// within its tolerance; a frame outside the tolerance breaks the hold, which resumes only when every check passes its
/// strict bound again (hysteresis, so a value hovering at a bound does not flicker).
/// </summary>
internal static class HoldSteps
{
    public static RepCounter Step(RepCounter c, double t, CompiledView view, Observation observed, bool previousUsable)
    {
        var cues = c.Cues.AddRange(FailingCues(view, observed));
        if (c.Phase == WorkoutPhase.Holding && AllPass(view, observed, slack: true))
        {
            var dt = previousUsable ? t - (c.LastUsableTime ?? t) : 0;
            var current = c.CurrentHoldSeconds + dt;
            return c with
            {
                HoldSeconds = c.HoldSeconds + dt,
                CurrentHoldSeconds = current,
                LongestHoldSeconds = Math.Max(c.LongestHoldSeconds, current),
                Cues = cues,
            };
        }
        if (c.Phase == WorkoutPhase.Holding || !AllPass(view, observed, slack: false))
            return c with { Phase = WorkoutPhase.OutOfForm, CurrentHoldSeconds = 0, Cues = cues };
        return c with { Phase = WorkoutPhase.Holding, Cues = cues };
    }

    public static bool AllPass(CompiledView view, Observation observed, bool slack)
    {
        for (var i = 0; i < view.Checks.Length; i++)
        {
            var check = view.Checks[i];
            if (observed.Checks[i] is not { } v || !check.Passes(v, slack ? check.Definition.Tolerance : 0))
                return false;
        }
        return true;
    }

    public static IEnumerable<string> FailingCues(CompiledView view, Observation observed) =>
        view.Checks.Where((check, i) => observed.Checks[i] is { } v && !check.Passes(v))
            .Select(check => check.Definition.Cue);
}
