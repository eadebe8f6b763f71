using System.Collections.Immutable;
using System.Numerics;

namespace PoseGen.Core.Workouts;

/// <summary>
/// Counts reps (or good-form hold seconds) as a pure fold over frames: <c>counter = counter.Next(frame)</c>. Each step
/// smooths the keypoints (<see cref="KeypointSmoother"/>), drops frames that lack the required joints or posture
/// (they neither count nor break a rep) and follows the signal through start, peak and back on the person's own range
/// of motion (<see cref="RepSteps"/>), from the first usable frame: no still start pose is needed, so counting can
/// begin mid-exercise. Holds wait until the pose is held still for the exercise's settle time and then time it
/// (<see cref="HoldSteps"/>).
/// </summary>
public sealed record RepCounter
{
    private RepCounter(CompiledExercise exercise, CounterSettings settings, CameraView requestedView)
    {
        Compiled = exercise;
        Settings = settings;
        RequestedView = requestedView;
        View = requestedView != CameraView.Auto ? requestedView
            : exercise.SupportedViews.Length == 1 ? exercise.SupportedViews[0] : CameraView.Auto;
    }

    public static RepCounter Start(ExerciseDefinition exercise, CounterSettings settings,
        CameraView view = CameraView.Auto)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(settings);
        return new RepCounter(new CompiledExercise(exercise), settings, view);
    }

    public static RepCounter Start(string exerciseId, CameraView view = CameraView.Auto) =>
        Start(ExerciseCatalog.Default.Get(exerciseId), ExerciseCatalog.Default.Settings, view);

    public ExerciseDefinition Exercise => Compiled.Definition;
    public CounterSettings Settings { get; }
    public CameraView RequestedView { get; }

    /// <summary>The view being counted from; <see cref="CameraView.Auto"/> until the settle-in decides it.</summary>
    public CameraView View { get; internal init; }
    public WorkoutPhase Phase { get; internal init; } = WorkoutPhase.SettingUp;
    public double? TimeSeconds { get; internal init; }

    /// <summary>Whether the last frame was usable (required joints visible, posture right).</summary>
    public bool IsVisible { get; internal init; }

    /// <summary>How many frames so far were usable (<see cref="IsVisible"/>).</summary>
    public int UsableFrames { get; internal init; }

    /// <summary>The smoothed rep signal of the last usable frame (for charts), in <see cref="SignalUnit"/>.</summary>
    public double? Signal { get; internal init; }
    public string SignalUnit => Compiled.ViewFor(View).Signal?.Unit ?? "ratio";

    /// <summary>Every completed cycle, good and improper, in order.</summary>
    public ImmutableList<RepResult> Reps { get; internal init; } = [];
    public int GoodReps { get; internal init; }
    public int ImproperReps { get; internal init; }

    /// <summary>Descents that got part of the way to the peak and came back: not reps.</summary>
    public int PartialReps { get; internal init; }

    /// <summary>
    /// Cycles that began but were not counted (partial, too slow, lost sight, cut off), each with its reason.
    /// </summary>
    public ImmutableList<UncountedCycle> Uncounted { get; internal init; } = [];

    /// <summary>Where the last usable frame sits in the person's range of motion: 0 start side, 1 peak side.</summary>
    public double Progress { get; internal init; }

    /// <summary>Holds only: accumulated good-form seconds, the current unbroken hold and the longest one.</summary>
    public double HoldSeconds { get; internal init; }
    public double CurrentHoldSeconds { get; internal init; }
    public double LongestHoldSeconds { get; internal init; }

    /// <summary>Short instructions for the user about the last frame ("Squat deeper", "Hold still").</summary>
    public ImmutableArray<string> Cues { get; internal init; } = [];

    internal CompiledExercise Compiled { get; }
    internal KeypointSmoother Smoother { get; init; } = KeypointSmoother.Empty;
    internal double? LastUsableTime { get; init; }
    internal double? SettleSince { get; init; }
    internal Vector2 SettleAnchor { get; init; }
    internal double StartExtreme { get; init; }

    /// <summary>
    /// The check values on the frame that set <see cref="StartExtreme"/>: the start pose the next rep begins from.
    /// </summary>
    internal ImmutableArray<double?> StartChecks { get; init; } = [];
    internal RepCycle? Cycle { get; init; }
    internal SignalRange Range { get; init; } = SignalRange.Empty;

    /// <summary>Whether <see cref="StartChecks"/> come from a real start pose (a frame at the start side of the
    /// person's range, or one held still for the settle time) rather than from wherever tracking began: a rep begun
    /// from an unknown start leaves its checks relative to the start pose unjudged instead of judging them against a
    /// half-descended pose.</summary>
    internal bool StartKnown { get; init; }

    /// <summary>
    /// Since when the signal has stayed under the noise floor (a still person), while waiting at the start.
    /// </summary>
    internal double? StillSince { get; init; }
    internal (Vector2 Centre, int Joints, double Time)? Trunk { get; init; }

    public RepCounter Next(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var t = frame.TimeSeconds;
        if (TimeSeconds is { } last && t <= last) return this;
        var smoother = Smoother.Next(frame, Settings);
        var next = this with { Smoother = smoother, TimeSeconds = t, Cues = [] };
        if (Phase == WorkoutPhase.SettingUp && SeenFrom(smoother) is { } seen
            && !Compiled.SupportedViews.Contains(seen))
            next = next with { Cues = [seen == CameraView.Front ? "Turn side-on to the camera" : "Face the camera"] };
        var view = Phase == WorkoutPhase.SettingUp || (Exercise.Kind == ExerciseKind.Reps && Cycle is null)
            ? ChooseView(smoother) : View;
        var compiledView = Compiled.ViewFor(view);
        var observed = Observation.Take(Compiled, compiledView, smoother, frame.Similarity,
            Settings.JointCarrySeconds);
        var trunk = CompiledExercise.Trunk(smoother.Points, smoother.Visible);
        next = next with { Trunk = trunk is { } now ? (now.Centre, now.Joints, t) : null };
        if (observed.Problem is null && IsWalking(trunk, t)) observed =
            observed with { Problem = "Hold your position" };
        if (observed.Problem is { } problem)
        {
            next = next with { IsVisible = false, Cues = next.Cues.Add(problem) };
            return next.Phase != WorkoutPhase.SettingUp && t - (LastUsableTime ?? t) > Exercise.MaxGapSeconds
                ? next.Reset("Lost sight of you: get back into the start position")
                : next;
        }
        next = next with { IsVisible = true, Signal = observed.Signal, UsableFrames = UsableFrames + 1 };
        if (next.Phase != WorkoutPhase.SettingUp && t - (LastUsableTime ?? t) > Exercise.MaxGapSeconds)
            next = next.Reset("Lost sight of you: get back into the start position");
        if (Exercise.Kind == ExerciseKind.Reps && view != View)
            next = next with { View = view, Range = SignalRange.Empty, StartChecks = [], StartKnown = false,
                StillSince = null };
        next = Exercise.Kind == ExerciseKind.Reps ? RepSteps.Step(next, t, compiledView, observed)
            : next.Phase == WorkoutPhase.SettingUp ? next.Settle(t, view, compiledView, observed)
            : HoldSteps.Step(next, t, compiledView, observed, previousUsable: IsVisible);
        return next with { LastUsableTime = t };
    }

    /// <summary>
    /// The end of the frames (the clip is over): a rep still under way is reported as cut off, not counted.
    /// </summary>
    public RepCounter Finish() =>
        Cycle is null || TimeSeconds is not { } t ? this : DropCycle(t, "cut off by the end of the video",
            null) with { Phase = WorkoutPhase.AtStart };

    /// <summary>The rep in progress ends uncounted, kept with <paramref name="reason"/>.</summary>
    internal RepCounter DropCycle(double t, string reason, string? cue) => Cycle is not { } cycle ? this : this with
    {
        Cycle = null,
        Uncounted = Uncounted.Add(new UncountedCycle(cycle.StartTime, cycle.PeakTime, t, reason)),
        Cues = cue is null ? Cues : Cues.Add(cue),
    };

    /// <summary>Sight of the person lost for too long: the rep in progress is dropped uncounted, the current hold ends,
    /// and the person's range is learned afresh (they may come back farther away or at another angle).</summary>
    internal RepCounter Reset(string cue) => DropCycle(TimeSeconds ?? 0, "lost sight of you", null) with
    {
        Phase = Exercise.Kind == ExerciseKind.Reps ? WorkoutPhase.AtStart : WorkoutPhase.SettingUp,
        Range = SignalRange.Empty,
        StartChecks = [],
        StartKnown = false,
        StillSince = null,
        SettleSince = null,
        CurrentHoldSeconds = 0,
        Cues = Cues.Add(cue),
    };

    /// <summary>Horizontal trunk speed above <see cref="CounterSettings.MaxTrunkSpeed"/> torso lengths per second:
    /// walking in, out or around, never part of an exercise done on the spot.</summary>
    private bool IsWalking((Vector2 Centre, float Torso, int Joints)? trunk, double t)
    {
        if (trunk is not { } now || Trunk is not { } before || now.Joints != before.Joints) return false;
        var dt = t - before.Time;
        if (dt is <= 0 or > 0.5) return false;
        return Math.Abs(now.Centre.X - before.Centre.X) / dt / now.Torso > Settings.MaxTrunkSpeed;
    }

    private CameraView ChooseView(KeypointSmoother smoother)
    {
        if (RequestedView != CameraView.Auto) return RequestedView;
        if (Compiled.SupportedViews.Length == 1) return Compiled.SupportedViews[0];
        if (SeenFrom(smoother) is not { } seen) return View == CameraView.Auto ? Compiled.SupportedViews[0] : View;
        return Compiled.SupportedViews.Contains(seen) ? seen : Compiled.SupportedViews[0];
    }

    /// <summary>
    /// The view the shoulders suggest: wide apart relative to the torso means the person faces the camera.
    /// </summary>
    private CameraView? SeenFrom(KeypointSmoother smoother) =>
        CompiledExercise.ShoulderRatio(smoother.Points, smoother.Visible) is { } ratio
            ? ratio >= Settings.FrontViewShoulderRatio ? CameraView.Front : CameraView.Side
            : null;

    /// <summary>
    /// Holds start once every check passes for the settle time with the trunk staying within
    /// <see cref="CounterSettings.SettleRadius"/> torso lengths of where it was, so getting into position never counts.
    /// </summary>
    private RepCounter Settle(double t, CameraView view, CompiledView compiledView, Observation observed)
    {
        if (!HoldSteps.AllPass(compiledView, observed, slack: false))
            return this with { SettleSince = null, View = view, Cues =
                Cues.AddRange(HoldSteps.FailingCues(compiledView, observed)) };
        var moved = Vector2.Distance(observed.Centre, SettleAnchor) > Settings.SettleRadius * observed.Torso;
        if (SettleSince is null || moved || view != View)
            return this with { SettleSince = t, SettleAnchor = observed.Centre, View = view,
                Cues = Cues.Add("Hold still") };
        var held = t - SettleSince.Value;
        if (held < Exercise.SettleSeconds) return this with { Cues = Cues.Add("Hold still") };
        return this with
            {
                Phase = WorkoutPhase.Holding,
                SettleSince = null,
                HoldSeconds = HoldSeconds + held,
                CurrentHoldSeconds = held,
                LongestHoldSeconds = Math.Max(LongestHoldSeconds, held),
            };
    }
}
