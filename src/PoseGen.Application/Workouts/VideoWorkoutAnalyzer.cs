using System.Globalization;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Application.Workouts;

/// <summary>
/// Decodes a clip, detects the main person in every sampled frame, recognises the exercise when none was named, folds
/// the frames through <see cref="RepCounter"/> (the same counter as the live page) and cross-checks its cycles against
/// the whole-body repetition period (<see cref="Periodicity"/>). A named exercise that cannot be read from most of the
/// clip is tried on the picture turned a quarter (<see cref="TurnedAsync"/>), then counted from the whole-body movement
/// (<see cref="MotionRepetitions"/>).
/// </summary>
public sealed class VideoWorkoutAnalyzer(IVideoFrameSource frames, IPoseDetector detector)
{
    /// <summary>
    /// Replay rate of the saved keypoint timeline: enough for a smooth skeleton, small enough to store.
    /// </summary>
    private const double TimelineFramesPerSecond = 5;

    /// <summary>Frames sampled to find which way a sideways clip should be turned (<see cref="TurnedAsync"/>).
    /// </summary>
    private const int OrientationSamples = 12;

    /// <summary>The unit of the whole-body movement's signal (<see cref="MotionTrace"/>).</summary>
    public const string MotionUnit = "torso lengths";

    /// <summary>The issue given to each rep counted from the whole-body movement.</summary>
    public const string UncheckedIssue = "form not checked from this camera angle";

    /// <param name="exercise">The exercise to count; null recognises it from the motion.</param>
    /// <param name="progress">Receives the fraction of the clip analysed in the current pass, in [0, 1], and the pass
    /// (a second one, <see cref="AnalysisProgress.Turned"/>, only for a clip the exercise cannot be read from).</param>
    public async Task<VideoWorkoutResult> AnalyzeAsync(string path, ExerciseDefinition? exercise, PoseModelKind model,
        IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var info = await frames.ProbeAsync(path, cancellationToken);
        var pass = await DetectAsync(path, info, model, turn: null, progress, cancellationToken);
        progress?.Report(new AnalysisProgress(1, AnalysisProgress.Reading));
        var (result, read) = CountAndRead(pass.Poses, exercise, frames.FramesPerSecond);
        // A named exercise read from under a third of the clip: the picture may be stored sideways.
        if (exercise is not null && read < MotionRepetitions.UnreadableShare
            && await TurnedAsync(path, info, model, pass.Poses, exercise, progress, cancellationToken) is { } turned)
            (pass, result) = turned;
        var duration = info.DurationSeconds > 0 ? info.DurationSeconds : pass.LastTime;
        return result with
        {
            DurationS = Math.Round(duration, 2),
            Timeline = new KeypointTimeline(frames.FramesPerSecond / pass.TimelineEvery, pass.Width, pass.Height,
                pass.Timeline),
        };
    }

    private sealed record Pass(List<PoseFrame> Poses, List<TimelineFrame> Timeline, int TimelineEvery, int Width,
        int Height, double LastTime);

    /// <summary>The main person in every sampled frame, each frame first turned a quarter when
    /// <paramref name="turn"/> says which way (true: clockwise).</summary>
    private async Task<Pass> DetectAsync(string path, VideoInfo info, PoseModelKind model, bool? turn,
        IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var poses = new List<PoseFrame>();
        var timeline = new List<TimelineFrame>();
        var timelineEvery = Math.Max(1, (int)Math.Round(frames.FramesPerSecond / TimelineFramesPerSecond));
        var (width, height) = frames.OutputSize(info);
        if (turn is not null) (width, height) = (height, width);
        var lastTime = 0.0;
        var follower = new PersonFollower(detector, model);
        await foreach (var frame in frames.ReadFramesAsync(path, info, cancellationToken))
        {
            var image = turn is { } clockwise ? frame.Image.QuarterTurn(clockwise) : frame.Image;
            var person = await follower.NextAsync(image, cancellationToken);
            poses.Add(PoseFrame.FromPose(frame.TimeSeconds, person, image.Width, image.Height));
            if (frame.Index % timelineEvery == 0)
                timeline.Add(new TimelineFrame(Math.Round(frame.TimeSeconds, 3), Flatten(person, image.Width,
                    image.Height)));
            lastTime = frame.TimeSeconds;
            if (info.DurationSeconds > 0)
                progress?.Report(new AnalysisProgress(Math.Clamp(frame.TimeSeconds / info.DurationSeconds, 0, 1),
                    turn is null ? AnalysisProgress.Reading : AnalysisProgress.Turned));
        }
        return new Pass(poses, timeline, timelineEvery, width, height, lastTime);
    }

    /// <summary>
    /// A clip stored sideways (it lost its rotation metadata, or the phone was turned with orientation lock on) shows
    /// the person lying on their side, where MoveNet finds them poorly and no standing exercise can be read. Of the two
    /// quarter turns, the one whose <see cref="OrientationSamples"/> evenly spaced frames MoveNet scores higher (mean
    /// keypoint score of the person found) is tried when it scores higher than the picture as stored; its analysis is
    /// kept only when the named exercise can then be read from at least a third of the clip. Null otherwise. Only clips
    /// the exercise cannot be read from get here, so an upright clip is never turned. The turned pass reports its
    /// progress from 0 again, as <see cref="AnalysisProgress.Turned"/>.
    /// </summary>
    private async Task<(Pass Pass, VideoWorkoutResult Result)?> TurnedAsync(string path, VideoInfo info,
        PoseModelKind model, List<PoseFrame> poses, ExerciseDefinition exercise, IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var picks = OrientationPicks(poses.Count);
        if (picks.Count == 0) return null;
        var samples = new List<RgbImage>();
        await foreach (var frame in frames.ReadFramesAsync(path, info, cancellationToken))
        {
            if (picks.Contains(frame.Index)) samples.Add(frame.Image);
            if (samples.Count == picks.Count) break;
        }
        // Scored afresh like the turns, not taken from the pass, whose frames followed the person from one to the next.
        var stored = await MeanScoreAsync(samples, null, model, cancellationToken);
        var (best, score) = (false, double.NegativeInfinity);
        foreach (var clockwise in (bool[])[true, false])
        {
            var turned = await MeanScoreAsync(samples, clockwise, model, cancellationToken);
            if (turned > score) (best, score) = (clockwise, turned);
        }
        if (score <= stored) return null;
        var pass = await DetectAsync(path, info, model, best, progress, cancellationToken);
        var (result, read) = CountAndRead(pass.Poses, exercise, frames.FramesPerSecond);
        return read >= MotionRepetitions.UnreadableShare ? (pass, result) : null;
    }

    /// <summary>The <see cref="OrientationSamples"/> evenly spaced frame indices <see cref="TurnedAsync"/> scores (none
    /// for a clip with fewer frames).</summary>
    public static IReadOnlySet<int> OrientationPicks(int frameCount) => frameCount < OrientationSamples
        ? new HashSet<int>()
        : Enumerable.Range(0, OrientationSamples).Select(i => i * (frameCount - 1) / (OrientationSamples - 1))
            .ToHashSet();

    /// <summary>MoveNet's mean keypoint score of the person it finds in each image (0 where it finds nobody), each
    /// image first turned a quarter when <paramref name="turn"/> says which way (true: clockwise).</summary>
    public async Task<double> MeanScoreAsync(IReadOnlyList<RgbImage> images, bool? turn, PoseModelKind model,
        CancellationToken cancellationToken)
    {
        double sum = 0;
        foreach (var image in images)
        {
            var people = (await detector.DetectAsync(turn is { } clockwise ? image.QuarterTurn(clockwise) : image,
                model, cancellationToken)).People;
            sum += people.Count > 0 ? MeanScore(people[0].Keypoints) : 0;
        }
        return sum / Math.Max(1, images.Count);
    }

    private static double MeanScore(IReadOnlyList<Keypoint> keypoints) => keypoints.Average(k => (double)k.Score);

    /// <summary>
    /// Counts (and, without <paramref name="exercise"/>, first recognises) the exercise in detected frames.
    /// </summary>
    public static VideoWorkoutResult Count(IReadOnlyList<PoseFrame> poses, ExerciseDefinition? exercise,
        double framesPerSecond) => CountAndRead(poses, exercise, framesPerSecond).Result;

    /// <summary><see cref="Count"/>, and the share of the frames the exercise's counter could read (1 when no
    /// exercise was named or recognised).</summary>
    private static (VideoWorkoutResult Result, double Read) CountAndRead(IReadOnlyList<PoseFrame> poses,
        ExerciseDefinition? exercise, double framesPerSecond)
    {
        RecognitionSummary? recognition = null;
        RepetitionPeriod? period;
        if (exercise is null)
        {
            var recognised = ExerciseRecognizer.Recognize(poses, framesPerSecond);
            period = recognised.Period;
            recognition = new RecognitionSummary(recognised.ExerciseId, recognised.Confidence,
                [.. recognised.Candidates.Take(3).Select(c => new RecognitionCandidate(c.ExerciseId, c.Score,
                    c.Cycles))]);
            exercise = recognised.ExerciseId is { } id ? ExerciseCatalog.Default.Get(id) : null;
        }
        else
        {
            period = Periodicity.Estimate(poses, framesPerSecond, ExerciseCatalog.Default.Settings.MinKeypointScore);
        }
        var times = poses.Select(p => Math.Round(p.TimeSeconds, 3)).ToList();
        if (exercise is null)
        {
            var none = new List<double?>(Enumerable.Repeat<double?>(null, poses.Count));
            return (new VideoWorkoutResult("none", 0, 0, 0, [], new SignalSeries("ratio", times, none),
                new KeypointTimeline(0, 0, 0, []), [], recognition, Repetition(period, 0)), 1);
        }
        var settings = ExerciseCatalog.Default.Settings;
        var counter = RepCounter.Start(exercise, settings);
        var values = new List<double?>(poses.Count);
        foreach (var pose in poses)
        {
            counter = counter.Next(pose);
            values.Add(counter.IsVisible && counter.Signal is { } s ? Math.Round(s, 3) : null);
        }
        counter = counter.Finish();
        var read = counter.UsableFrames / (double)Math.Max(1, poses.Count);
        if (MotionRepetitions.WhenUnreadable(poses, framesPerSecond, counter) is { } motion)
            return (Unchecked(exercise, motion, times, recognition, period), read);
        var details = counter.Reps.Select(r => new RepDetail(Math.Round(r.StartS, 2), Math.Round(r.EndS, 2),
            Math.Round(r.PeakS, 2),
            Math.Round(r.Quality, 3), r.Issues, r.Explanation)).ToList();
        var cycles = counter.Reps.Select(r => new CycleDetail(Math.Round(r.StartS, 2), Math.Round(r.PeakS, 2),
            Math.Round(r.EndS, 2),
                r.IsGood ? "good" : "improper", r.Explanation))
            .Concat(counter.Uncounted.Select(u => new CycleDetail(Math.Round(u.StartS, 2), Math.Round(u.PeakS, 2),
                Math.Round(u.EndS, 2),
                "not counted", "Not counted: " + u.Reason)))
            .OrderBy(c => c.StartS).ToList();
        return (new VideoWorkoutResult(exercise.Id, counter.GoodReps, counter.ImproperReps, 0, details,
            new SignalSeries(counter.SignalUnit, times, values), new KeypointTimeline(0, 0, 0, []), cycles, recognition,
            Repetition(period, counter.Reps.Count)), read);
    }

    /// <summary>
    /// The named exercise could not be read from most of the clip (its posture or joints never fit, as from straight
    /// above, head-on or with the picture turned sideways), yet the body clearly repeats a movement: the cycles of that
    /// movement (<see cref="MotionRepetitions"/>) are reported, each as a rep whose form was not checked, so they count
    /// as improper, never as good.
    /// </summary>
    private static VideoWorkoutResult Unchecked(ExerciseDefinition exercise, MotionTrace trace,
        IReadOnlyList<double> times, RecognitionSummary? recognition, RepetitionPeriod? period)
    {
        var motion = trace.Cycles;
        // The chart shows the signal the reps were found on; frames before anyone was seen have none.
        var offset = times.Count - trace.Values.Count;
        var signal = new SignalSeries(MotionUnit, times, [.. times.Select((_, i) =>
            i < offset ? (double?)null : Math.Round(trace.Values[i - offset], 3))]);
        var name = exercise.Name.ToLowerInvariant();
        const string explanation = "Counted from your whole-body movement; form not checked";
        var note = $"The {name} could not be read from this camera angle, so these {motion.Count} reps were " +
            "counted from your whole-body movement and their form was not checked. Film side-on for form feedback, " +
            $"and check that {name} is the exercise you did.";
        var details = motion.Select(c => new RepDetail(Math.Round(c.StartS, 2), Math.Round(c.EndS, 2),
            Math.Round(c.PeakS, 2), 0, [UncheckedIssue], explanation)).ToList();
        var cycles = motion.Select(c => new CycleDetail(Math.Round(c.StartS, 2), Math.Round(c.PeakS, 2),
            Math.Round(c.EndS, 2), "improper", explanation)).ToList();
        var repetition = new RepetitionSummary(Math.Round(period?.PeriodSeconds ?? 0, 2),
            Math.Round(period?.Strength ?? 0, 2), motion.Count, Agrees: true, note);
        return new VideoWorkoutResult(exercise.Id, 0, motion.Count, 0, details, signal,
            new KeypointTimeline(0, 0, 0, []), cycles, recognition, repetition);
    }

    private static RepetitionSummary? Repetition(RepetitionPeriod? period, int counted)
    {
        if (period is null || period.Strength <= 0) return null;
        var found = period.Cycles;
        var agrees = Math.Abs(found - counted) <= 1.5 || Math.Abs(found - counted) <= 0.2 * Math.Max(found, counted);
        var note = agrees ? null : string.Create(CultureInfo.InvariantCulture,
            $"The whole-body movement repeats about every {period.PeriodSeconds:0.0} s (about {found:0} times), but " +
            $"{counted} cycles were counted: check the exercise and the framing.");
        return new RepetitionSummary(Math.Round(period.PeriodSeconds, 2), Math.Round(period.Strength, 2),
            Math.Round(found, 1), agrees, note);
    }

    private static float[] Flatten(Pose? person, int width, int height)
    {
        if (person is null)
            return [];
        var points = new float[person.Keypoints.Count * 3];
        for (var i = 0; i < person.Keypoints.Count; i++)
        {
            var k = person.Keypoints[i];
            points[i * 3] = MathF.Round(k.X / width, 4);
            points[(i * 3) + 1] = MathF.Round(k.Y / height, 4);
            points[(i * 3) + 2] = MathF.Round(k.Score, 3);
        }
        return points;
    }
}
