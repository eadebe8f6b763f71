using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Workouts;
using PoseGen.Inference.Video;

namespace PoseGen.Bench.Workouts;

/// <summary>Server-side video analysis speed: each labelled clip analysed end to end (ffmpeg decode at
/// Video:FramesPerSecond, MoveNet per frame, the counter) a few times after one warm-up run; the median wall time and
/// video seconds per wall second.</summary>
internal static class Speed
{
    public static async Task RunAsync(IServiceProvider services, string videos, IReadOnlyList<ClipLabel> labels,
        int runs)
    {
        var analyzer = services.GetRequiredService<VideoWorkoutAnalyzer>();
        Console.WriteLine(
            $"{Environment.ProcessorCount} cores, {runs} timed runs per clip after one warm-up, MoveNet lightning " +
            $"(as the app)");
        Console.WriteLine("| clip | exercise | video s | median wall s | video s per wall s |");
        Console.WriteLine("|---|---|---|---|---|");
        double video = 0, wall = 0;
        foreach (var label in labels)
        {
            var path = Path.Combine(videos, label.Clip);
            var exercise = ExerciseCatalog.Default.Find(label.Exercise) ?? ExerciseCatalog.Default.Get("squat");
            var result = await analyzer.AnalyzeAsync(path, exercise, PoseModelKind.Lightning, null,
                CancellationToken.None);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                result = await analyzer.AnalyzeAsync(path, exercise, PoseModelKind.Lightning, null,
                    CancellationToken.None);
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            var median = times[times.Count / 2];
            video += result.DurationS;
            wall += median;
            Console.WriteLine(
                $"| {label.Clip} | {label.Exercise} | {result.DurationS:0.0} | {median:0.00} | " +
                $"{result.DurationS / median:0.0} |");
        }
        Console.WriteLine($"| all | | {video:0.0} | {wall:0.00} | {video / wall:0.0} |");
    }
}
