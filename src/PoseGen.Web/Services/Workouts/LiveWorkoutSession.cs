using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;
using PoseGen.Inference.Video;

namespace PoseGen.Web.Services.Workouts;

/// <summary>
/// One frame of keypoints from the browser: <see cref="T"/> seconds since the session started (client clock,
/// increasing), the video frame's size in pixels, and 17 COCO keypoints as (x, y, score) in that frame's pixels.
/// A value of <see cref="K"/> can be null: JSON has no NaN or infinity, and the page's JSON.stringify writes them as null.
/// The hub refuses such frames with its own message (a float[] would fail SignalR's argument binding instead).
/// </summary>
public sealed record LiveFrame(double T, int W, int H, float?[] K)
{
    public float Value(int index) => K[index] ?? float.NaN;
}

/// <summary>What the page shows after each batch of frames; the server's counter is the only source of these numbers.</summary>
public sealed record LiveWorkoutState(
    Guid SessionId, string Exercise, string ExerciseName, int GoodReps, int ImproperReps, double HoldSeconds, string Phase,
    IReadOnlyList<string> Cues, bool Visible, double ElapsedS, RepDetail? LastRep, int Frames);

/// <summary>
/// A live session's counter and recorded timeline. Callers hold <see cref="Gate"/> while reading or changing it: a
/// reconnecting browser can briefly have two connections on the same session.
/// </summary>
public sealed class LiveWorkoutSession(Guid id, string userId, ExerciseDefinition exercise, string model, DateTimeOffset now)
{
    /// <summary>Replay rate of the saved timeline (frames per second).</summary>
    public const double TimelineFramesPerSecond = 10;

    private readonly List<TimelineFrame> _timeline = [];
    private double? _firstT;
    private double _lastT;
    private double _lastKeptT = double.NegativeInfinity;
    private int _width;
    private int _height;
    private int _frames;

    public Lock Gate { get; } = new();
    public Guid Id { get; } = id;
    public string UserId { get; } = userId;
    public string Model { get; } = model;
    public RepCounter Counter { get; private set; } = RepCounter.Start(exercise, ExerciseCatalog.Default.Settings);
    public string? ConnectionId { get; set; }
    public DateTimeOffset LastSeen { get; set; } = now;
    public bool Ended { get; set; }
    public double DurationS => _firstT is { } first ? _lastT - first : 0;
    public int FrameCount => _frames;

    /// <summary>Folds the frames through the counter; frames not after the last one are ignored (a resent batch).</summary>
    public void Add(IReadOnlyList<LiveFrame> frames)
    {
        foreach (var frame in frames)
        {
            if (_firstT is not null && frame.T <= _lastT)
                continue;
            var keypoints = new Keypoint[CocoKeypoints.Count];
            for (var i = 0; i < keypoints.Length; i++)
                keypoints[i] = new Keypoint(frame.Value(i * 3), frame.Value((i * 3) + 1), frame.Value((i * 3) + 2));
            Counter = Counter.Next(new PoseFrame(frame.T, keypoints, frame.W, frame.H));
            _firstT ??= frame.T;
            _lastT = frame.T;
            _frames++;
            if (frame.T - _lastKeptT >= (1 / TimelineFramesPerSecond) - 1e-6)
            {
                _lastKeptT = frame.T;
                if (_width == 0) (_width, _height) = (frame.W, frame.H);
                _timeline.Add(new TimelineFrame(Math.Round(frame.T - _firstT.Value, 3), Normalise(frame)));
            }
        }
    }

    public LiveWorkoutState State() => new(
        Id, Counter.Exercise.Id, Counter.Exercise.Name, Counter.GoodReps, Counter.ImproperReps, Math.Round(Counter.HoldSeconds, 1),
        Counter.Phase.ToString(), Counter.Cues, Counter.IsVisible, Math.Round(DurationS, 2),
        Counter.Reps.Count > 0 ? Detail(Counter.Reps[^1]) : null, _frames);

    public LiveWorkoutDocument Document()
    {
        var origin = _firstT ?? 0;
        var details = Counter.Reps.Select(r => Detail(r) with
        {
            StartS = Math.Round(r.StartS - origin, 2), EndS = Math.Round(r.EndS - origin, 2), PeakS = Math.Round(r.PeakS - origin, 2),
        }).ToList();
        return new LiveWorkoutDocument(LiveWorkoutDocument.LiveSource, Counter.Exercise.Id, Model, Math.Round(DurationS, 2),
            Counter.GoodReps, Counter.ImproperReps, Math.Round(Counter.HoldSeconds, 1), details,
            new KeypointTimeline(TimelineFramesPerSecond, _width, _height, [.. _timeline]));
    }

    private static RepDetail Detail(RepResult r) =>
        new(Math.Round(r.StartS, 2), Math.Round(r.EndS, 2), Math.Round(r.PeakS, 2), Math.Round(r.Quality, 3), r.Issues, r.Explanation);

    /// <summary>x and y as fractions of the frame, as the video timeline stores them; nobody (all scores 0) is empty.</summary>
    private static float[] Normalise(LiveFrame frame)
    {
        var anyone = false;
        var points = new float[CocoKeypoints.Count * 3];
        for (var i = 0; i < CocoKeypoints.Count; i++)
        {
            points[i * 3] = MathF.Round(frame.Value(i * 3) / frame.W, 4);
            points[(i * 3) + 1] = MathF.Round(frame.Value((i * 3) + 1) / frame.H, 4);
            points[(i * 3) + 2] = MathF.Round(frame.Value((i * 3) + 2), 3);
            anyone |= frame.Value((i * 3) + 2) > 0;
        }
        return anyone ? points : [];
    }
}
