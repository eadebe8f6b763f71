using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;
using PoseGen.Core.Errors;

namespace PoseGen.Application.Workouts;

/// <summary>
/// One frame of keypoints from the browser: <see cref="T"/> seconds since the session started (client clock,
/// increasing), the video frame's size in pixels, and 17 COCO keypoints as (x, y, score) in that frame's pixels.
/// A value of <see cref="K"/> can be null: JSON has no NaN or infinity, and the page's JSON.stringify writes them as
/// null. The hub refuses such frames with its own message (a float[] would fail SignalR's argument binding instead).
/// </summary>
public sealed record LiveFrame(double T, int W, int H, float?[] K)
{
    public float Value(int index) => K[index] ?? float.NaN;
}

/// <summary>
/// What the page shows after each batch of frames; the server's counter is the only source of these numbers.
/// </summary>
/// <remarks>Pose practice (exercise "hold") adds <see cref="Practice"/>: the pose, the last frame's match and
/// correction, the best match so far and the ghost skeleton.</remarks>
public sealed record LiveWorkoutState(
    Guid SessionId, string Exercise, string ExerciseName, int GoodReps, int ImproperReps, double HoldSeconds,
    string Phase,
    IReadOnlyList<string> Cues, bool Visible, double ElapsedS, RepDetail? LastRep, int Frames,
    PracticeState? Practice = null);

/// <summary>What the practice page shows: the pose, the last match (null when the person is not seen well enough to
/// compare), the best match, the correction that matters most now and the ghost (17 x (x, y, score) in frame
/// pixels).</summary>
public sealed record PracticeState(string PoseId, string PoseName, string View, double? Score, double BestScore,
    string? Correction, float[]? Ghost);

/// <summary>Whether a session's store record can be taken over: not kept (one instance, or the store lost it), kept,
/// or to be withdrawn (a batch could not be stored, or the session outgrew the store's bound, so the record misses
/// frames and must not be replayed).</summary>
public enum LiveSessionSharing
{
    Local,
    Shared,
    Withdrawing,
}

/// <summary>
/// A live session's counter and recorded timeline. Callers hold <see cref="Gate"/> while reading or changing it: a
/// reconnecting browser can briefly have two connections on the same session.
/// </summary>
public sealed class LiveWorkoutSession(
    Guid id, string userId, ExerciseDefinition? exercise, string model, DateTimeOffset now,
    PoseReference? reference = null)
{
    /// <summary>Replay rate of the saved timeline (frames per second).</summary>
    public const double TimelineFramesPerSecond = 10;

    /// <summary>The exercise id of a session that recognises its exercise from the motion.</summary>
    public const string Auto = "auto";

    /// <summary>Auto sessions: the most recent frames kept for recognition, how much motion is needed before the first
    /// try, and how often it is tried. Recognition asks for <see cref="CyclesToRecognise"/> cycles ("after a few
    /// reps").</summary>
    private const double RecognitionWindowSeconds = 20;
    private const double MinRecognitionSeconds = 4;
    private const double RecognitionEverySeconds = 1;
    private const int CyclesToRecognise = 2;

    private readonly string _exerciseId = exercise?.Id ?? Auto;
    private readonly List<PoseFrame> _recent = [];
    private double _lastRecognitionT = double.NegativeInfinity;

    private readonly List<TimelineFrame> _timeline = [];
    private double? _firstT;
    private double _lastT;
    private double _lastKeptT = double.NegativeInfinity;
    private int _width;
    private int _height;
    private int _frames;
    private int _seen;
    private PracticeFrame? _practice;
    private double _bestScore;

    public Lock Gate { get; } = new();

    /// <summary>Held (across the store's write) by whoever folds frames in, so batches reach the store in the order
    /// they were folded.</summary>
    public SemaphoreSlim Writing { get; } = new(1, 1);

    /// <summary>Whether the store keeps a copy that another instance can take over.</summary>
    public LiveSessionSharing Sharing { get; set; }

    /// <summary>Frames this session has in the store.</summary>
    public int StoredFrames { get; set; }

    /// <summary>What a replay starts from.</summary>
    public LiveSessionStart Start => new(Id, UserId, _exerciseId, Model, Reference);

    public Guid Id { get; } = id;
    public string UserId { get; } = userId;
    public string Model { get; } = model;
    /// <summary>The counter; null while an auto session has not recognised its exercise yet.</summary>
    public RepCounter? Counter { get; private set; } = exercise is null ? null
        : RepCounter.Start(exercise, ExerciseCatalog.Default.Settings);
    public string? ConnectionId { get; set; }
    public DateTimeOffset LastSeen { get; set; } = now;
    public bool Ended { get; set; }
    public double DurationS => _firstT is { } first ? _lastT - first : 0;
    public int FrameCount => _frames;

    /// <summary>Frames in which someone was seen (<see cref="MinSeenKeypoints"/> keypoints at <see cref="SeenScore"/>,
    /// the overlay's threshold); a session without any is not worth a History entry.</summary>
    public int SeenFrames => _seen;

    private const float SeenScore = 0.3f;
    private const int MinSeenKeypoints = 5;

    /// <summary>Longest session in seconds of the page's own clock. Frame times come from the client, so this (not the
    /// number of calls) is what bounds the counter's work and the timeline's length (36 000 replay frames).</summary>
    public const double MaxDurationS = 3600;

    /// <summary>
    /// Folds the frames through the counter; frames not after the last one are ignored (a resent batch).
    /// </summary>
    /// <exception cref="InvalidInputException">A frame more than <see cref="MaxDurationS"/> after the
    /// first.</exception>
    public void Add(IReadOnlyList<LiveFrame> frames)
    {
        if (Accept(frames).OverLimit)
            throw OverLimitError();
    }

    public static InvalidInputException OverLimitError() =>
        new("This session has reached its one-hour limit; stop it to save it, then start a new one.");

    /// <summary>As <see cref="Add"/>, answering the frames folded in (what a replay must fold) instead of throwing at
    /// the limit: the frames before the one past <see cref="MaxDurationS"/> are folded in, it and the rest are
    /// not.</summary>
    public (IReadOnlyList<LiveFrame> Accepted, bool OverLimit) Accept(IReadOnlyList<LiveFrame> frames)
    {
        var accepted = new List<LiveFrame>(frames.Count);
        foreach (var frame in frames)
        {
            if (_firstT is not null && frame.T <= _lastT)
                continue;
            if (_firstT is { } first && frame.T - first > MaxDurationS)
                return (accepted, true);
            accepted.Add(frame);
            var keypoints = new Keypoint[CocoKeypoints.Count];
            for (var i = 0; i < keypoints.Length; i++)
                keypoints[i] = new Keypoint(frame.Value(i * 3), frame.Value((i * 3) + 1), frame.Value((i * 3) + 2));
            var pose = new PoseFrame(frame.T, keypoints, frame.W, frame.H);
            if (Reference is not null)
            {
                // The ghost is drawn for the newest frame of the batch only; the match is needed for every frame.
                _practice = PosePractice.Compare(Reference, keypoints, withGhost: ReferenceEquals(frame, frames[^1]));
                _bestScore = Math.Max(_bestScore, _practice?.Score ?? 0);
                pose = pose with { Similarity = _practice is { } p ? p.Score / 100 : null };
            }
            if (Counter is not null) Counter = Counter.Next(pose);
            else Recognise(pose);
            _firstT ??= frame.T;
            _lastT = frame.T;
            _frames++;
            if (keypoints.Count(k => k.Score >= SeenScore) >= MinSeenKeypoints) _seen++;
            if (frame.T - _lastKeptT >= (1 / TimelineFramesPerSecond) - 1e-6)
            {
                _lastKeptT = frame.T;
                if (_width == 0) (_width, _height) = (frame.W, frame.H);
                _timeline.Add(new TimelineFrame(Math.Round(frame.T - _firstT.Value, 3), Normalise(frame)));
            }
        }
        return (accepted, false);
    }

    /// <summary>The session as it stood in the instance that stored <paramref name="record"/>: the same fold over the
    /// same frames in the same batches gives the same counter, timeline and practice scores.</summary>
    public static LiveWorkoutSession Replay(LiveSessionRecord record, DateTimeOffset now)
    {
        var start = record.Start;
        var exercise = start.Exercise == Auto ? null : ExerciseCatalog.Default.Get(start.Exercise);
        var session = new LiveWorkoutSession(start.Id, start.UserId, exercise, start.Model, now, start.Reference);
        foreach (var batch in record.Batches)
            session.Accept(batch);
        session.StoredFrames = record.Batches.Sum(b => b.Length);
        return session;
    }

    /// <summary>The pose practised (exercise "hold"); null for exercises.</summary>
    public PoseReference? Reference { get; } = reference;

    /// <summary>Pose practice: the best match of the session (0-100).</summary>
    public double BestScore => _bestScore;

    public LiveWorkoutState State() => Counter is null
        ? new(Id, Auto, "Recognising your exercise", 0, 0, 0, WorkoutPhase.SettingUp.ToString(),
            ["Start your exercise: it is named after a few reps"], _recent.Count > 0, Math.Round(DurationS, 2), null,
            _frames)
        : new(Id, Counter.Exercise.Id, Reference?.Name ?? Counter.Exercise.Name, Counter.GoodReps, Counter.ImproperReps,
            Math.Round(Counter.HoldSeconds, 1),
            Counter.Phase.ToString(), Counter.Cues, Counter.IsVisible, Math.Round(DurationS, 2),
            Counter.Reps.Count > 0 ? Detail(Counter.Reps[^1]) : null, _frames,
            Reference is { } r ? new PracticeState(r.PoseId, r.Name, r.View, _practice?.Score, _bestScore,
                _practice?.Correction, _practice?.Ghost) : null);

    /// <summary>
    /// Auto sessions: keeps the recent frames and, about once a second, tries to recognise the exercise from them; once
    /// an exercise is recognised with at least <see cref="CyclesToRecognise"/> cycles, its counter is started on the
    /// kept frames, so the reps that led to the recognition count too.
    /// </summary>
    private void Recognise(PoseFrame pose)
    {
        _recent.Add(pose);
        _recent.RemoveAll(f => f.TimeSeconds < pose.TimeSeconds - RecognitionWindowSeconds);
        var span = pose.TimeSeconds - _recent[0].TimeSeconds;
        if (span < MinRecognitionSeconds || pose.TimeSeconds - _lastRecognitionT < RecognitionEverySeconds) return;
        _lastRecognitionT = pose.TimeSeconds;
        var recognition = ExerciseRecognizer.Recognize(_recent, (_recent.Count - 1) / span);
        if (recognition.ExerciseId is not { } id) return;
        var best = recognition.Candidates.FirstOrDefault(c => c.ExerciseId == id);
        var definition = ExerciseCatalog.Default.Get(id);
        if (definition.Kind == ExerciseKind.Reps && (best?.Cycles ?? 0) < CyclesToRecognise) return;
        Counter = _recent.Aggregate(RepCounter.Start(definition, ExerciseCatalog.Default.Settings),
            (c, f) => c.Next(f));
        _recent.Clear();
    }

    /// <summary>What History keeps of the session: nothing when nobody was in view the whole time (a camera on an
    /// empty room).</summary>
    public LiveWorkoutDocument? DocumentToKeep() => SeenFrames > 0 ? Document() : null;

    public LiveWorkoutDocument Document()
    {
        var origin = _firstT ?? 0;
        if (Counter is null)
        {
            return new LiveWorkoutDocument(LiveWorkoutDocument.LiveSource, Auto, Model, Math.Round(DurationS, 2), 0, 0,
                0, [],
                new KeypointTimeline(TimelineFramesPerSecond, _width, _height, [.. _timeline]));
        }
        var details = Counter.Reps.Select(r => Detail(r) with
        {
            StartS = Math.Round(r.StartS - origin, 2), EndS = Math.Round(r.EndS - origin, 2),
            PeakS = Math.Round(r.PeakS - origin, 2),
        }).ToList();
        return new LiveWorkoutDocument(LiveWorkoutDocument.LiveSource, Counter.Exercise.Id, Model,
            Math.Round(DurationS, 2),
            Counter.GoodReps, Counter.ImproperReps, Math.Round(Counter.HoldSeconds, 1), details,
            new KeypointTimeline(TimelineFramesPerSecond, _width, _height, [.. _timeline]),
            Reference?.PoseId, Reference?.Name, Reference is null ? null : Math.Round(_bestScore, 1));
    }

    private static RepDetail Detail(RepResult r) =>
        new(Math.Round(r.StartS, 2), Math.Round(r.EndS, 2), Math.Round(r.PeakS, 2), Math.Round(r.Quality, 3), r.Issues,
            r.Explanation);

    /// <summary>
    /// x and y as fractions of the frame, as the video timeline stores them; nobody (all scores 0) is empty.
    /// </summary>
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
