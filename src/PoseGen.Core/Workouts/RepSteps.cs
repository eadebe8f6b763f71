namespace PoseGen.Core.Workouts;

/// <summary>
/// The rep state machine once settled. Progress is 0 at the start threshold and 1 at the peak threshold. A rep begins when
/// progress exceeds the hysteresis fraction, reaches its peak at 1, may leave the peak only below 1 - hysteresis, and
/// completes back at 0, so noise around either threshold cannot double count. A cycle that returns without reaching the
/// peak is partial, and a rep still under way when the frames end (a cut-off descent) is never counted.
/// </summary>
internal static class RepSteps
{
    public static RepCounter Step(RepCounter c, double t, CompiledView view, Observation observed)
    {
        var signal = observed.Signal!.Value;
        var progress = view.Progress(signal);
        var hysteresis = view.HysteresisFraction;
        if (c.Phase == WorkoutPhase.AtStart || c.Cycle is null)
        {
            var keep = view.Progress(c.StartExtreme) <= progress;
            var extreme = keep ? c.StartExtreme : signal;
            var startChecks = keep ? c.StartChecks : [.. observed.Checks];
            if (progress <= hysteresis) return c with { Phase = WorkoutPhase.AtStart, StartExtreme = extreme, StartChecks = startChecks };
            var begun = RepCycle.Begin(c.LastUsableTime ?? t, extreme, startChecks).Add(t, signal, progress, view, observed.Checks);
            return WithLiveCues(c with { Phase = progress >= 1 ? WorkoutPhase.AtPeak : WorkoutPhase.TowardPeak, Cycle = begun }, view, observed);
        }
        if (t - c.Cycle.StartTime > c.Exercise.MaxRepSeconds)
            return c.Reset("Rep took too long and was not counted: get back into the start position");
        var cycle = c.Cycle.Add(t, signal, progress, view, observed.Checks);
        var next = c with { Cycle = cycle };
        switch (c.Phase)
        {
            case WorkoutPhase.TowardPeak when progress >= 1:
                return WithLiveCues(next with { Phase = WorkoutPhase.AtPeak }, view, observed);
            case WorkoutPhase.TowardPeak when progress <= 0:
                var partial = cycle.MaxProgress >= c.Settings.PartialFraction;
                return next with
                {
                    Phase = WorkoutPhase.AtStart,
                    Cycle = null,
                    StartExtreme = signal,
                    StartChecks = [.. observed.Checks],
                    PartialReps = c.PartialReps + (partial ? 1 : 0),
                    Cues = partial ? c.Cues.Add(c.Exercise.PartialCue) : c.Cues,
                };
            case WorkoutPhase.AtPeak when progress < 1 - hysteresis:
                return WithLiveCues(next with { Phase = WorkoutPhase.Returning }, view, observed);
            case WorkoutPhase.Returning when progress >= 1:
                return WithLiveCues(next with { Phase = WorkoutPhase.AtPeak }, view, observed);
            case WorkoutPhase.Returning when progress <= 0:
                return Complete(next, t, signal, view, observed);
            default:
                return WithLiveCues(next, view, observed);
        }
    }

    private static RepCounter Complete(RepCounter c, double t, double signal, CompiledView view, Observation observed)
    {
        var rep = c.Cycle!.Complete(c.Reps.Count + 1, t, view);
        var cues = view.Checks.Where(k => rep.Issues.Contains(k.Definition.Issue)).Select(k => k.Definition.Cue).Distinct();
        return c with
        {
            Phase = WorkoutPhase.AtStart,
            Cycle = null,
            StartExtreme = signal,
            StartChecks = [.. observed.Checks],
            Reps = c.Reps.Add(rep),
            GoodReps = c.GoodReps + (rep.IsGood ? 1 : 0),
            ImproperReps = c.ImproperReps + (rep.IsGood ? 0 : 1),
            Cues = c.Cues.AddRange(cues),
        };
    }

    /// <summary>Checks that every frame must pass ("hips sagging") cue as soon as a frame fails them.</summary>
    private static RepCounter WithLiveCues(RepCounter c, CompiledView view, Observation observed)
    {
        var cues = c.Cues;
        for (var i = 0; i < view.Checks.Length; i++)
        {
            var check = view.Checks[i];
            if (check.IsContinuous && c.Cycle?.Judged(view, i, observed.Checks[i]) is { } v && !check.Passes(v) && !cues.Contains(check.Definition.Cue))
                cues = cues.Add(check.Definition.Cue);
        }
        return c with { Cues = cues };
    }
}
