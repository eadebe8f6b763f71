namespace PoseGen.Core.Workouts;

public enum ExerciseKind { Reps, Hold }

/// <summary>
/// Where the camera sees the person from. <see cref="Auto"/> is only a request: the counter infers the view.
/// </summary>
public enum CameraView { Auto, Side, Front }

/// <summary>
/// How a scalar is read off the keypoints. All positions are in image-height units (x right, y down).
/// </summary>
public enum MeasureKind
{
    /// <summary>Interior angle at the middle of three joints, degrees in [0, 180].</summary>
    Angle,
    /// <summary>
    /// Angle of the line through two joints from the image vertical, degrees in [0, 90] (0 upright, 90 flat).
    /// </summary>
    Tilt,
    /// <summary>
    /// Distance between two joints (along <see cref="DistanceAxis"/>) divided by the distance between the two `per`
    /// joints.
    /// </summary>
    Distance,
    /// <summary>How far the second joint is above the first, (y1 - y2), divided by the distance between the two `per`
    /// joints (in image heights without `per`, which only a check relative to the start pose may use).</summary>
    Rise,
    /// <summary>Signed distance of the middle joint from the line through the outer two, in units of that line's
    /// length; positive when the middle joint is below the line (toward the image bottom). Meant for near-horizontal
    /// lines.</summary>
    LineOffset,
    /// <summary>
    /// The externally supplied similarity to a reference pose, in [0, 1] (<see cref="PoseFrame.Similarity"/>).
    /// </summary>
    Similarity,
}

public enum DistanceAxis { Xy, X, Y }

/// <summary>How the left and right values of a two-sided measure combine; only sides whose joints are visible take
/// part. <see cref="Spread"/> is the difference between the sides (larger minus smaller), measurable only when both are
/// seen.</summary>
public enum SideCombine { Mean, Min, Max, Spread }

public enum Aggregate { Min, Max }

/// <summary>
/// A scalar measured on the pose. Joint names are COCO names ("left_knee") or side-neutral names ("knee"); a measure
/// with a side-neutral name is evaluated once per side and the sides are combined, which also makes it immune to
/// left/right swaps.
/// </summary>
public sealed record MeasureDefinition(
    MeasureKind Kind,
    IReadOnlyList<string> Joints,
    IReadOnlyList<string>? Per = null,
    SideCombine Combine = SideCombine.Mean,
    DistanceAxis Axis = DistanceAxis.Xy);

/// <summary>
/// A form check. Over a rep the measure (the rep signal when <see cref="Measure"/> is null) is aggregated with
/// <see cref="Aggregate"/> and must be at least <see cref="AtLeast"/> and/or at most <see cref="AtMost"/>; otherwise
/// the rep is improper with <see cref="Issue"/>. For holds and postures it applies to every frame.
/// <see cref="Tolerance"/> (measure units) is the hysteresis band of hold conditions and the scale of the quality
/// score. With <see cref="RelativeToStart"/> (rep checks only) every value is first divided by the measure's value in
/// the start pose the rep began from, so the bounds are fractions of the user's own start pose ("hips down to 66 % of
/// standing height") and do not depend on body proportions or on how far away the camera is. <see cref="Label"/> names
/// what is measured in the explanation of each rep ("knee angle"); <see cref="Source"/> says where the limit comes
/// from: a published standard, a coaching convention, or the data it was tuned on. A check that
/// <see cref="Defines"/> the exercise (a lunge bends one knee, a squat both) says what the movement is rather than how
/// well it is done: recognition does not take a cycle failing it for this exercise at all.
/// </summary>
public sealed record CheckDefinition(
    string Id,
    MeasureDefinition? Measure,
    Aggregate Aggregate,
    double? AtLeast,
    double? AtMost,
    double Tolerance,
    string Issue,
    string Cue,
    bool RelativeToStart = false,
    string? Label = null,
    string? Source = null,
    bool Defines = false);

/// <summary>
/// How one exercise is counted from one or more camera views. Cycles of <see cref="Signal"/> are found on the person's
/// own range of motion (<see cref="RangeSettings"/>), never on fixed thresholds: <see cref="Start"/> and
/// <see cref="Peak"/> are typical values of the start pose and the peak (standing and the squat's bottom) that give the
/// direction of a rep (the squat's knee angle falls, a curl rises) and the nominal travel used to recognise the
/// exercise. A cycle must travel at least <see cref="MinTravel"/> (signal units): the noise floor, below which a still
/// person's keypoint jitter would count. <see cref="Posture"/> checks gate frames: a frame failing them neither counts
/// nor breaks a rep. <see cref="Source"/> says where the view's signal, typical values and noise floor come from, and
/// which were changed after looking at the fixture clips.
/// </summary>
public sealed record ViewDefinition(
    IReadOnlyList<CameraView> Views,
    MeasureDefinition? Signal,
    double Start,
    double Peak,
    double MinTravel,
    IReadOnlyList<CheckDefinition> Checks,
    IReadOnlyList<CheckDefinition> Posture,
    string? Source = null);

/// <summary>
/// One exercise as data. <see cref="RequiredJoints"/> must be visible for a frame to be used (side-neutral names: on at
/// least one side). <see cref="SettleSeconds"/>: how long the start pose is held still before counting begins.
/// <see cref="OptionalJoints"/> may be measured by checks too, which then judge only the frames where they are seen
/// (the legs of a curl filmed from the waist up stay unjudged). <see cref="MaxGapSeconds"/>: how long the person may be
/// out of sight before the rep under way is dropped; also how long a shoulder or hip, once seen, stands in at its
/// smoothed position for the trunk, the required joints and the postures. <see cref="Aliases"/>: other names people
/// give the same movement, by which <see cref="ExerciseCatalog.Resolve"/> finds it too.
/// </summary>
public sealed record ExerciseDefinition(
    string Id,
    string Name,
    ExerciseKind Kind,
    IReadOnlyList<string> RequiredJoints,
    double SettleSeconds,
    double MaxRepSeconds,
    double MaxGapSeconds,
    string PartialCue,
    IReadOnlyList<ViewDefinition> Views,
    IReadOnlyList<string>? OptionalJoints = null,
    IReadOnlyList<string>? Aliases = null);

/// <summary>One-Euro filter parameters (Casiez, Roussel, Vogel, CHI 2012) for keypoints in image-height units:
/// cutoff = MinCutoffHz + Beta * |speed in image heights per second|.</summary>
public sealed record SmoothingSettings(double MinCutoffHz, double Beta, double DerivativeCutoffHz);

/// <summary>
/// Counter settings shared by all exercises. <see cref="SettleRadius"/> (holds only) is in torso lengths;
/// <see cref="SwapRatio"/>: a limb's left/right labels are exchanged when that makes the limb chains at most this
/// fraction of their length as labelled; <see cref="MaxTrunkSpeed"/> (torso lengths per second, horizontal) above which
/// the person is walking, not exercising, and the frame is not used; <see cref="JointResetSeconds"/>: a joint unseen
/// this long restarts its filter; <see cref="JointCarrySeconds"/>: a measure that picks one side (the smaller or larger
/// of the two, or their difference) keeps a joint unseen for at most this long at its smoothed position, so a joint
/// that flickers out for a frame does not switch the measure to the other side for that frame.
/// </summary>
public sealed record CounterSettings(
    double MinKeypointScore,
    SmoothingSettings Smoothing,
    double SettleRadius,
    double FrontViewShoulderRatio,
    double SwapRatio,
    double MaxTrunkSpeed,
    double JointResetSeconds,
    RangeSettings Range,
    double JointCarrySeconds = 0);

/// <summary>
/// How cycles are found on the person's own range of motion. The range is the <see cref="ExtremePercentile"/> and
/// 1 - <see cref="ExtremePercentile"/> quantiles of the rep signal over the last <see cref="WindowSeconds"/>; progress
/// is the signal's position in it (0 start side, 1 peak side). A rep begins above <see cref="BeginFraction"/>, reaches
/// its peak at <see cref="PeakFraction"/> and completes back at <see cref="BeginFraction"/> (the gap between the two is
/// the hysteresis); "reach" checks (depth, lockout) are judged on frames within <see cref="ReachBand"/> of the peak.
/// </summary>
public sealed record RangeSettings(
    double WindowSeconds,
    double ExtremePercentile,
    double BeginFraction,
    double PeakFraction,
    double ReachBand);
