namespace PoseGen.Inference.Video;

/// <summary>
/// A whole clip counted. <see cref="Reps"/> are complete good reps, <see cref="ImproperReps"/> complete cycles with form
/// issues; times are seconds from the start of the clip.
/// </summary>
public sealed record VideoWorkoutResult(
    string Exercise,
    int Reps,
    int ImproperReps,
    double DurationS,
    IReadOnlyList<RepDetail> RepDetails,
    SignalSeries Signal,
    KeypointTimeline Timeline);

/// <param name="Quality">In [0, 1], from <see cref="Core.Workouts.RepResult.Quality"/>.</param>
public sealed record RepDetail(double StartS, double EndS, double PeakS, double Quality, IReadOnlyList<string> Issues);

/// <summary>The counter's smoothed signal per analysed frame (null where the needed joints were not visible), for a chart.</summary>
public sealed record SignalSeries(string Unit, IReadOnlyList<double> TimesS, IReadOnlyList<double?> Values);

/// <summary>
/// Keypoints at a reduced frame rate for replaying the session as a skeleton. Each frame's <see cref="TimelineFrame.Points"/>
/// is 17 COCO keypoints x (x, y, score) with x and y as fractions of the frame's width and height; an empty array is nobody.
/// </summary>
public sealed record KeypointTimeline(double FramesPerSecond, int Width, int Height, IReadOnlyList<TimelineFrame> Frames);

public sealed record TimelineFrame(double TimeS, float[] Points);
