using System.Collections.Immutable;
using System.Globalization;

namespace PoseGen.Core.Workouts;

/// <summary>
/// The rep state machine on the person's own range of motion (<see cref="SignalRange"/>). Progress is the signal's
/// place in that range: a rep begins when progress passes <see cref="RangeSettings.BeginFraction"/>, reaches its peak
/// at <see cref="RangeSettings.PeakFraction"/> and completes back at the begin fraction, so noise at either end cannot
/// double count. A cycle that returns without reaching the peak is partial; one that takes too long or is still under
/// way when the frames end is not counted. Each uncounted cycle is kept with its reason.
/// </summary>
internal static class RepSteps
{
    public static RepCounter Step(RepCounter c, double t, CompiledView view, Observation observed)
    {
        var signal = observed.Signal!.Value;
        var settings = c.Settings.Range;
        // While a rep is under way the range also keeps the window as it stood when the rep began: a person who stops
        // part of the way back and holds still there would otherwise fill the window with that pose, and a range
        // shrunk around it would put the hold at the start side and complete a rep nobody finished.
        var range = c.Range.Add(t, signal, settings.WindowSeconds,
            keepSince: c.Cycle is { } underWay ? underWay.StartTime - settings.WindowSeconds : null);
        var (low, high) = range.Extremes(settings.ExtremePercentile);
        // Under the noise floor nothing can begin, and a rep under way neither turns nor completes (it times out
        // instead).
        if (view.Progress(signal, low, high) is not { } progress)
        {
            c = c with { Range = range, Progress = 0 };
            if (c.Cycle is not null) return c;
            var still = c.StillSince ?? t;
            return Settled(c, view, signal, observed) with
            {
                StillSince = still,
                StartKnown = c.StartKnown || t - still >= c.Exercise.SettleSeconds,
            };
        }
        c = c with { Range = range, Progress = progress };
        if (c.Cycle is null)
        {
            var settled = Settled(c, view, signal, observed);
            if (progress <= settings.BeginFraction)
                return settled with { StartKnown = true, StillSince = null };
            ImmutableArray<double?> startChecks = settled.StartKnown
                ? settled.StartChecks
                : [.. Enumerable.Repeat<double?>(null, settled.StartChecks.Length)];
            var begun = RepCycle.Begin(c.LastUsableTime ?? t, settled.StartExtreme, startChecks)
                .Add(t, signal, progress, high - low, view, settings, observed.Checks);
            return WithLiveCues(c with { Phase = progress >= settings.PeakFraction ? WorkoutPhase.AtPeak
                : WorkoutPhase.TowardPeak, Cycle = begun }, view, observed);
        }
        if (t - c.Cycle.StartTime > c.Exercise.MaxRepSeconds)
            return c.DropCycle(t, string.Create(CultureInfo.InvariantCulture,
                $"took longer than {c.Exercise.MaxRepSeconds:0} s"),
                "Rep took too long and was not counted") with { Phase = WorkoutPhase.AtStart, StartExtreme = signal,
                StartChecks = [.. observed.Checks], StartKnown = false };
        var cycle = c.Cycle.Add(t, signal, progress, high - low, view, settings, observed.Checks);
        var next = c with { Cycle = cycle };
        switch (c.Phase)
        {
            case WorkoutPhase.TowardPeak when progress >= settings.PeakFraction:
                return WithLiveCues(next with { Phase = WorkoutPhase.AtPeak }, view, observed);
            case WorkoutPhase.TowardPeak when progress <= settings.BeginFraction:
                var reached = string.Create(CultureInfo.InvariantCulture,
                    $"reached only {cycle.MaxProgress * 100:0}% of your range, a rep needs " +
                    $"{settings.PeakFraction * 100:0}%");
                return next.DropCycle(t, reached, c.Exercise.PartialCue) with
                {
                    Phase = WorkoutPhase.AtStart,
                    StartExtreme = signal,
                    StartChecks = [.. observed.Checks],
                    StartKnown = true,
                    StillSince = null,
                    PartialReps = c.PartialReps + 1,
                };
            case WorkoutPhase.AtPeak when progress < settings.PeakFraction:
                return WithLiveCues(next with { Phase = WorkoutPhase.Returning }, view, observed);
            case WorkoutPhase.Returning when progress >= settings.PeakFraction:
                return WithLiveCues(next with { Phase = WorkoutPhase.AtPeak }, view, observed);
            case WorkoutPhase.AtPeak or WorkoutPhase.Returning when progress <= settings.BeginFraction:
                return Complete(next, t, signal, view, observed);
            default:
                return WithLiveCues(next, view, observed);
        }
    }

    /// <summary>Waiting at the start: keeps the most start-like frame as the start pose of the next rep.</summary>
    private static RepCounter Settled(RepCounter c, CompiledView view, double signal, Observation observed)
    {
        var keep = c.StartChecks.Length > 0 && view.Oriented(c.StartExtreme) <= view.Oriented(signal);
        return keep ? c with { Phase = WorkoutPhase.AtStart }
            : c with { Phase = WorkoutPhase.AtStart, StartExtreme = signal, StartChecks = [.. observed.Checks] };
    }

    private static RepCounter Complete(RepCounter c, double t, double signal, CompiledView view, Observation observed)
    {
        var rep = c.Cycle!.Complete(c.Reps.Count + 1, t, view);
        var cues = view.Checks.Where(k => rep.Issues.Contains(k.Definition.Issue)).Select(k => k.Definition.Cue)
            .Distinct();
        return c with
        {
            Phase = WorkoutPhase.AtStart,
            Cycle = null,
            StartExtreme = signal,
            StartChecks = [.. observed.Checks],
            StartKnown = true,
            StillSince = null,
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
            if (check.IsContinuous && c.Cycle?.Judged(view, i, observed.Checks[i]) is { } v && !check.Passes(v)
                && !cues.Contains(check.Definition.Cue))
                cues = cues.Add(check.Definition.Cue);
        }
        return c with { Cues = cues };
    }
}
