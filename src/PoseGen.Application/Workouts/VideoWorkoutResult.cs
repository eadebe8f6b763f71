namespace PoseGen.Application.Workouts;

/// <summary>
/// A whole clip counted. <see cref="Exercise"/> is the exercise counted: the one asked for, or the one recognised from
/// the motion ("none" when nothing repetitive was found, with no reps). <see cref="Reps"/> are complete good reps,
/// <see cref="ImproperReps"/> complete cycles with form issues; <see cref="Cycles"/> lists every candidate cycle,
/// counted or not, with the reason; times are seconds from the start of the clip.
/// </summary>
public sealed record VideoWorkoutResult(
    string Exercise,
    int Reps,
    int ImproperReps,
    double DurationS,
    IReadOnlyList<RepDetail> RepDetails,
    SignalSeries Signal,
    KeypointTimeline Timeline,
    IReadOnlyList<CycleDetail>? Cycles = null,
    RecognitionSummary? Recognition = null,
    RepetitionSummary? Repetition = null);

/// <param name="Quality">In [0, 1], from <see cref="Core.Workouts.RepResult.Quality"/>.</param>
/// <param name="Explanation">Why the rep counted as it did ("Improper: knee angle 104°, needs 95° or less").</param>
public sealed record RepDetail(double StartS, double EndS, double PeakS, double Quality, IReadOnlyList<string> Issues,
    string? Explanation = null);

/// <summary>One candidate cycle: <see cref="Verdict"/> is "good", "improper" or "not counted";
/// <see cref="Explanation"/>
/// names the measured value and the limit that decided it, or why the cycle was not counted.</summary>
public sealed record CycleDetail(double StartS, double PeakS, double EndS, string Verdict, string Explanation);

/// <summary>What <c>exercise=auto</c> recognised: the exercise (null: nothing repetitive), its confidence in [0, 1] and
/// the best candidates with their scores.</summary>
public sealed record RecognitionSummary(string? Exercise, double Confidence,
    IReadOnlyList<RecognitionCandidate> Candidates);

public sealed record RecognitionCandidate(string Exercise, double Score, int Cycles);

/// <summary>The exercise-agnostic cross-check: the whole-body repetition period, how clearly the pose repeats (0-1),
/// how many periods the moving part of the clip holds, and whether that agrees with the counted cycles (within one, or
/// within 20 %); <see cref="Note"/> says so in words when it does not, or says that the reps were counted from the
/// whole-body movement because the exercise could not be read from the camera's view.</summary>
public sealed record RepetitionSummary(double PeriodS, double Strength, double Cycles, bool Agrees, string? Note);

/// <summary>
/// The counter's smoothed signal per analysed frame (null where the needed joints were not visible), for a chart.
/// </summary>
public sealed record SignalSeries(string Unit, IReadOnlyList<double> TimesS, IReadOnlyList<double?> Values);

/// <summary>
/// Keypoints at a reduced frame rate for replaying the session as a skeleton. Each frame's
/// <see cref="TimelineFrame.Points"/>
/// is 17 COCO keypoints x (x, y, score) with x and y as fractions of the frame's width and height; an empty array is
/// nobody.
/// </summary>
public sealed record KeypointTimeline(double FramesPerSecond, int Width, int Height,
    IReadOnlyList<TimelineFrame> Frames);

public sealed record TimelineFrame(double TimeS, float[] Points);
