using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PoseGen.Application;
using PoseGen.Bench.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.Video;
using PoseGen.TestSupport;

// Workout counting on every labelled fixture clip.
//   dump [model]   detect the main person in every sampled frame of every clip once (MoveNet, as the video analysis
//                  does) and keep the keypoints under artifacts/workout-keypoints/<model>/
//   eval [model]   count every clip from those keypoints: per clip and per exercise, all-in and leave-one-clip-out
//   robust [model] count every clip again after changes that leave the true count alone (RecordingChanges.All
//                  in tests/PoseGen.TestSupport: mirrored, slower, faster, fewer frames, jitter, lost joints, ...)
//   motion [model] per clip: the labelled exercise's count, the share of frames its counter could read, the
//                  whole-body period and the whole-body cycles (MotionRepetitions, the fallback for unreadable views)
//   orient FILE... lightning's mean keypoint score on 12 frames of each file, as stored and turned a quarter each way
//                  (what the analysis compares before turning a clip it cannot read)
//   count FILE EXERCISE|auto [model]  analyse one video file as the product does and print what it counted
//   checks [model] EXERCISE CHECK  that check's value on every cycle the exercise's counter finds in each clip
//   follow FILE    where the person the video analysis follows is in each frame (hip centre, score, joints seen)
//   speed [runs]   end-to-end video analysis speed (video seconds per wall second)
var mode = args.Length > 0 ? args[0] : "eval";
var repoRoot = RepoPaths.Root;
var videos = RepoPaths.Fixture("videos");
var cache = Path.Combine(repoRoot, "artifacts", "workout-keypoints");
var labels = ClipLabel.Read(videos);
var model = args.Length > 1 && mode != "count" && Enum.TryParse<PoseModelKind>(args[1], true, out var m) ? m
    : PoseModelKind.Thunder;

if (mode == "trace")
{
    var label = labels.Single(l => l.Clip.StartsWith(args[2], StringComparison.Ordinal));
    var exercise = args.Length > 3 ? args[3] : label.Exercise;
    var counter = PoseGen.Core.Workouts.RepCounter.Start(exercise);
    foreach (var f in ClipKeypoints.Load(ClipKeypoints.FileFor(cache, label.Clip, model))!.PoseFrames())
    {
        counter = counter.Next(f);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{f.TimeSeconds:0.0} {counter.View} {counter.Phase} vis={counter.IsVisible} s={counter.Signal:0.00} " +
            $"p={counter.Progress:0.00} reps={counter.Reps.Count} {string.Join("|", counter.Cues)}"));
    }
    foreach (var r in counter.Finish().Reps) Console.WriteLine(r.Explanation);
    return;
}

if (mode == "checks")
{
    // One check's value on every cycle the exercise's counter finds in each clip (what a bound separates).
    foreach (var label in labels)
    {
        var counter = PoseGen.Core.Workouts.RepCounter.Start(args[2]);
        foreach (var f in ClipKeypoints.Load(ClipKeypoints.FileFor(cache, label.Clip, model))!.PoseFrames())
            counter = counter.Next(f);
        var values = counter.Finish().Reps.SelectMany(r => r.Checks ?? []).Where(c => c.Id == args[3])
            .Select(c => c.Value).Order().ToList();
        var shown = string.Join(" ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
        Console.WriteLine($"{label.Clip} ({label.Exercise}): {shown}");
    }
    return;
}

if (mode == "recognize")
{
    foreach (var label in labels)
    {
        var kp = ClipKeypoints.Load(ClipKeypoints.FileFor(cache, label.Clip, model))!;
        var r = PoseGen.Core.Workouts.ExerciseRecognizer.Recognize([.. kp.PoseFrames()], kp.FramesPerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label.Clip} want {label.Exercise} got {r.ExerciseId ?? "none"} ({r.Confidence}) " +
            $"period {r.Period?.PeriodSeconds:0.00}s str {r.Period?.Strength:0.00} cycles {r.Period?.Cycles:0.0}"));
        foreach (var f in r.Candidates.Take(4))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {f.ExerciseId} {f.View} usable {f.Usable:0.00} cover {f.Coverage:0.00} good {f.GoodShare:0.00} " +
                $"n {f.Cycles} score {f.Score:0.000}"));
        }
    }
    return;
}

if (mode == "motion")
{
    foreach (var label in labels)
    {
        var kp = ClipKeypoints.Load(ClipKeypoints.FileFor(cache, label.Clip, model))!;
        var frames = kp.PoseFrames().ToList();
        var settings = PoseGen.Core.Workouts.ExerciseCatalog.Default.Settings;
        var cycles = PoseGen.Core.Workouts.MotionRepetitions.Find(frames, kp.FramesPerSecond, settings)?.Cycles;
        var counter = frames.Aggregate(PoseGen.Core.Workouts.RepCounter.Start(label.Exercise == "none" ? "squat"
            : label.Exercise), (c, f) => c.Next(f)).Finish();
        var usable = counter.UsableFrames;
        var period = PoseGen.Core.Workouts.Periodicity.Estimate(frames, kp.FramesPerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label.Clip} want {label.CompleteReps} counted {counter.Reps.Count} usable " +
            $"{usable / (double)frames.Count:0.00} " +
            $"period {period?.PeriodSeconds:0.0}s str {period?.Strength:0.00} cyc {period?.Cycles:0.0} " +
            $"motion {cycles?.Count} at " +
            $"{string.Join(" ", cycles?.Select(c => c.PeakS.ToString("0.0", CultureInfo.InvariantCulture)) ?? [])}"));
    }
    return;
}

if (mode is "eval" or "robust")
{
    var clips = labels.Select(l => (Label: l, Keypoints: ClipKeypoints.Load(ClipKeypoints.FileFor(cache, l.Clip, model))
        ?? throw new InvalidOperationException($"No keypoints for {l.Clip}: run 'dump {model}' first."))).ToList();
    if (mode == "robust") Robustness.Run(clips, Console.Out);
    else Evaluation.Run(clips, Console.Out);
    return;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true,
    ContentRootPath = repoRoot });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:Device"] = "Cpu" });
builder.Services.AddLogging().AddPoseGenImaging().AddPoseGenInference().AddPoseGenApplication();
using var host = builder.Build();

if (mode == "count")
{
    var analyzer = host.Services.GetRequiredService<PoseGen.Application.Workouts.VideoWorkoutAnalyzer>();
    var named = args[2] == "auto" ? null : PoseGen.Core.Workouts.ExerciseCatalog.Default.Get(args[2]);
    var kind = args.Length > 3 && Enum.TryParse<PoseModelKind>(args[3], true, out var k) ? k : PoseModelKind.Lightning;
    var result = await analyzer.AnalyzeAsync(args[1], named, kind, null, CancellationToken.None);
    var peaks = string.Join(" ", result.RepDetails.Select(r => r.PeakS.ToString(CultureInfo.InvariantCulture)));
    Console.WriteLine($"{Path.GetFileName(args[1])}: {result.Exercise}, {result.Reps} good + {result.ImproperReps} " +
        $"improper; peaks {peaks}");
    return;
}

if (mode == "follow")
{
    // Where the person the video analysis follows is, frame by frame: hip centre (pixels), score, joints seen.
    var source = host.Services.GetRequiredService<FfmpegFrameSource>();
    var detector = host.Services.GetRequiredService<IPoseDetector>();
    var clip = await ClipKeypoints.DetectAsync(source, detector, args[1], PoseModelKind.Lightning);
    for (var i = 0; i < clip.Frames.Count; i++)
    {
        var f = clip.Frames[i];
        var line = f.Length == 0 ? "nobody" : string.Create(CultureInfo.InvariantCulture,
            $"hips {(f[11 * 3] + f[12 * 3]) / 2:0} {(f[11 * 3 + 1] + f[12 * 3 + 1]) / 2:0} score "
            + $"{Enumerable.Range(0, 17).Average(j => f[j * 3 + 2]):0.00} seen "
            + $"{Enumerable.Range(0, 17).Count(j => f[j * 3 + 2] >= 0.3)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i / clip.FramesPerSecond:0.0} s {line}"));
    }
    return;
}

if (mode == "orient")
{
    var source = host.Services.GetRequiredService<FfmpegFrameSource>();
    var analyzer = host.Services.GetRequiredService<PoseGen.Application.Workouts.VideoWorkoutAnalyzer>();
    foreach (var file in args.Skip(1))
    {
        var info = await source.ProbeAsync(file, CancellationToken.None);
        var frames = new List<PoseGen.Core.Imaging.RgbImage>();
        await foreach (var f in source.ReadFramesAsync(file, info, CancellationToken.None))
            frames.Add(f.Image);
        var picks = PoseGen.Application.Workouts.VideoWorkoutAnalyzer.OrientationPicks(frames.Count);
        var sample = picks.Order().Select(i => frames[i]).ToList();
        var scores = new List<double>();
        foreach (bool? turn in (bool?[])[null, true, false])
            scores.Add(await analyzer.MeanScoreAsync(sample, turn, PoseModelKind.Lightning, CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: upright " +
            $"{scores[0]:0.000} clockwise {scores[1]:0.000} anticlockwise {scores[2]:0.000}"));
    }
    return;
}

if (mode == "dump")
{
    var frames = host.Services.GetRequiredService<FfmpegFrameSource>();
    var detector = host.Services.GetRequiredService<IPoseDetector>();
    foreach (var label in labels)
    {
        var sw = Stopwatch.StartNew();
        var clip = await ClipKeypoints.DetectAsync(frames, detector, Path.Combine(videos, label.Clip), model);
        await clip.SaveAsync(ClipKeypoints.FileFor(cache, label.Clip, model));
        Console.WriteLine(
            $"{label.Clip}: {clip.Frames.Count} frames, {clip.Frames.Count(f => f.Length == 0)} without a person, " +
            $"{sw.Elapsed.TotalSeconds:0.0} s");
    }
    return;
}

await Speed.RunAsync(host.Services, videos, labels, args.Length > 1
    ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);

