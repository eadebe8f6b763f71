using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Inference.Video;

/// <summary>Decodes a clip, detects the main person in every sampled frame and folds the frames through <see cref="RepCounter"/>.</summary>
public sealed class VideoWorkoutAnalyzer(FfmpegFrameSource frames, IPoseDetector detector, IOptions<VideoOptions> options)
{
    /// <summary>Replay rate of the saved keypoint timeline: enough for a smooth skeleton, small enough to store.</summary>
    private const double TimelineFramesPerSecond = 5;

    /// <param name="progress">Receives the fraction of the clip analysed, in [0, 1].</param>
    public async Task<VideoWorkoutResult> AnalyzeAsync(string path, ExerciseDefinition exercise, PoseModelKind model,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var info = await frames.ProbeAsync(path, cancellationToken);
        var counter = RepCounter.Start(exercise, ExerciseCatalog.Default.Settings);
        var times = new List<double>();
        var values = new List<double?>();
        var timeline = new List<TimelineFrame>();
        var timelineEvery = Math.Max(1, (int)Math.Round(options.Value.FramesPerSecond / TimelineFramesPerSecond));
        var (width, height) = frames.OutputSize(info);
        var lastTime = 0.0;
        await foreach (var frame in frames.ReadFramesAsync(path, info, cancellationToken))
        {
            var detection = await detector.DetectAsync(frame.Image, model, cancellationToken);
            var person = detection.People.Count > 0 ? detection.People[0] : null;
            counter = counter.Next(PoseFrame.FromPose(frame.TimeSeconds, person, frame.Image.Width, frame.Image.Height));
            times.Add(Math.Round(frame.TimeSeconds, 3));
            values.Add(counter.Signal is { } s ? Math.Round(s, 3) : null);
            if (frame.Index % timelineEvery == 0)
                timeline.Add(new TimelineFrame(Math.Round(frame.TimeSeconds, 3), Flatten(person, frame.Image.Width, frame.Image.Height)));
            lastTime = frame.TimeSeconds;
            if (info.DurationSeconds > 0)
                progress?.Report(Math.Clamp(frame.TimeSeconds / info.DurationSeconds, 0, 1));
        }
        progress?.Report(1);
        var details = counter.Reps.Select(r => new RepDetail(Math.Round(r.StartS, 2), Math.Round(r.EndS, 2), Math.Round(r.PeakS, 2),
            Math.Round(r.Quality, 3), r.Issues)).ToList();
        var duration = info.DurationSeconds > 0 ? info.DurationSeconds : lastTime;
        return new VideoWorkoutResult(exercise.Id, counter.GoodReps, counter.ImproperReps, Math.Round(duration, 2), details,
            new SignalSeries(counter.SignalUnit, times, values),
            new KeypointTimeline(options.Value.FramesPerSecond / timelineEvery, width, height, timeline));
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
