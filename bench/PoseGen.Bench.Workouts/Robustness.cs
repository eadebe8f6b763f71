using System.Globalization;
using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.Bench.Workouts;

/// <summary>
/// Counts every labelled clip again after changes that leave the true count alone (the clip mirrored, played slower or
/// faster, at a lower frame rate, with more keypoint jitter, with frames where nobody was found, the person smaller in
/// the picture, the camera tilted, a still pause in the middle). A counter that holds on unseen clips should give the
/// same count on each; one that changes shows a dependence on something of the filming the clips happen to share. None
/// of the counter's settings was chosen on these variants: they are a check, not a training set.
/// </summary>
internal static class Robustness
{
    private sealed record Variant(string Name, Func<ClipKeypoints, ClipLabel, ClipKeypoints> Apply);

    /// <summary>COCO's left/right pairs (eyes, ears, shoulders, elbows, wrists, hips, knees, ankles).</summary>
    private static readonly int[] Mirror = [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15];

    private static IReadOnlyList<Variant> Variants() =>
    [
        new("as filmed", (c, _) => c),
        new("mirrored", (c, _) => Map(c, (f, _) => MirrorFrame(f, c.Width))),
        new("played 0.7x", (c, _) => Retime(c, 0.7)),
        new("played 1.4x", (c, _) => Retime(c, 1.4)),
        new("5 fps", (c, _) => c with { FramesPerSecond = c.FramesPerSecond / 2,
            Frames = [.. c.Frames.Where((_, i) => i % 2 == 0)] }),
        new("jitter 1 % of height", (c, _) => Jitter(c, 0.01, seed: 1)),
        new("jitter 2 % of height", (c, _) => Jitter(c, 0.02, seed: 1)),
        new("1 frame in 8 lost", (c, _) => Map(c, (f, i) => Hash(i, 7) % 8 == 0 ? [] : f)),
        new("person at half size", (c, _) => Map(c, (f, _) => Affine(f, c.Width, c.Height, 0.5, 0))),
        new("camera tilted 10 deg", (c, _) => Map(c, (f, _) => Affine(f, c.Width, c.Height, 1, 10))),
        new("3 s pause mid-clip", (c, _) => Pause(c)),
        new("10 s rest between two reps", Rest),
        new("8 s still before and after", (c, _) => StillAround(c, 8)),
    ];

    public static void Run(IReadOnlyList<(ClipLabel Label, ClipKeypoints Keypoints)> clips, TextWriter output)
    {
        var catalog = ExerciseCatalog.Default;
        var variants = Variants();
        var counted = clips.Where(c => c.Label.Exercise != "plank").Select(c => c.Label).ToHashSet();
        output.WriteLine("| clip | expected | " + string.Join(" | ", variants.Select(v => v.Name)) + " |");
        output.WriteLine("|---|---|" + string.Concat(variants.Select(_ => "---|")));
        var (exact, named) = (new int[variants.Count], new int[variants.Count]);
        var (exerciseSpread, danceSpread) = (new double[variants.Count], Enumerable.Repeat(double.MaxValue,
            variants.Count).ToArray());
        var misses = new List<string>();
        foreach (var (label, keypoints) in clips)
        {
            var cells = new List<string>();
            for (var v = 0; v < variants.Count; v++)
            {
                var changed = variants[v].Apply(keypoints, label);
                var recognition = ExerciseRecognizer.Recognize([.. changed.PoseFrames()], changed.FramesPerSecond);
                var recognised = recognition.ExerciseId ?? "none";
                var right = recognised == label.Exercise;
                // How far the peak poses spread: of the labelled exercise's cycles, and for the clip where nobody
                // exercises, of every candidate that would otherwise have been a fit (two cycles or more covering
                // a third of the time).
                if (label.IsNegative)
                {
                    danceSpread[v] = Math.Min(danceSpread[v], recognition.Candidates
                        .Where(c => c.Cycles >= 2 && c.Coverage >= ExerciseRecognizer.MinCoverage)
                        .Select(c => c.PeakSpread ?? double.MaxValue).DefaultIfEmpty(double.MaxValue).Min());
                }
                else if (recognition.Candidates.FirstOrDefault(c => c.ExerciseId == label.Exercise) is
                    { PeakSpread: { } spread })
                {
                    exerciseSpread[v] = Math.Max(exerciseSpread[v], spread);
                }
                named[v] += right ? 1 : 0;
                if (!right)
                {
                    misses.Add($"- {label.Clip}, {variants[v].Name}: recognised as {recognised} ("
                        + string.Join(", ", recognition.Candidates.Take(2).Select(c => string.Create(
                            CultureInfo.InvariantCulture, $"{c.ExerciseId} {c.Score:0.00}: usable {c.Usable:0.00}, "
                            + $"in cycles {c.Coverage:0.00}, form {c.GoodShare:0.00}, {c.Cycles} cycles, "
                            + $"peak spread {c.PeakSpread:0.00}"))) + ")");
                }
                if (!counted.Contains(label)) continue;
                var score = Evaluation.Score(label, changed, catalog);
                exact[v] += score.Exact ? 1 : 0;
                cells.Add((score.Exact ? "" : "**") + score.Counted.ToString(CultureInfo.InvariantCulture)
                    + (score.Exact ? "" : "**") + (right ? "" : " (?)"));
                if (!score.Exact) misses.Add($"- {label.Clip}, {variants[v].Name}: counted {score.Detail}");
            }
            if (counted.Contains(label))
                output.WriteLine($"| {label.Clip} | {label.Expected()} | {string.Join(" | ", cells)} |");
        }
        output.WriteLine("| exact | | " + string.Join(" | ", exact.Select(e => $"{e}/{counted.Count}")) + " |");
        output.WriteLine("| named right (exercise=auto) | | "
            + string.Join(" | ", named.Select(e => $"{e}/{clips.Count}")) + " |");
        output.WriteLine("| peak spread: exercises' largest / dance's smallest | | " + string.Join(" | ",
            exerciseSpread.Zip(danceSpread, (a, b) => string.Create(CultureInfo.InvariantCulture,
                $"{a:0.00} / {b:0.00}")))
            + " |");
        output.WriteLine();
        output.WriteLine(
            "Counts with the exercise given (the negative clip with exercise=auto, as the product answers it); "
            + "(?) marks a clip whose exercise auto names wrong in that version.");
        output.WriteLine();
        foreach (var miss in misses) output.WriteLine(miss);
    }

    private static string Expected(this ClipLabel label) =>
        (label.CompleteReps ?? 0).ToString(CultureInfo.InvariantCulture);

    private static ClipKeypoints Map(ClipKeypoints clip, Func<float[], int, float[]> frame) =>
        clip with { Frames = [.. clip.Frames.Select((f, i) => f.Length == 0 ? f : frame(f, i))] };

    private static float[] MirrorFrame(float[] f, int width)
    {
        var m = new float[f.Length];
        for (var k = 0; k < CocoKeypoints.Count; k++)
        {
            var from = Mirror[k] * 3;
            m[k * 3] = width - f[from];
            m[(k * 3) + 1] = f[from + 1];
            m[(k * 3) + 2] = f[from + 2];
        }
        return m;
    }

    /// <summary>Scales about the picture's centre by <paramref name="scale"/> and turns by degrees.</summary>
    private static float[] Affine(float[] f, int width, int height, double scale, double degrees)
    {
        var (cx, cy) = (width / 2.0, height / 2.0);
        var (cos, sin) = (Math.Cos(degrees * Math.PI / 180) * scale, Math.Sin(degrees * Math.PI / 180) * scale);
        var m = (float[])f.Clone();
        for (var k = 0; k < CocoKeypoints.Count; k++)
        {
            var (x, y) = (f[k * 3] - cx, f[(k * 3) + 1] - cy);
            m[k * 3] = (float)(cx + (cos * x) - (sin * y));
            m[(k * 3) + 1] = (float)(cy + (sin * x) + (cos * y));
        }
        return m;
    }

    /// <summary>
    /// The same motion at <paramref name="speed"/> times its pace, sampled at the clip's frame rate: each new frame is
    /// the linear blend of the two recorded frames around its time (the nearer one where either has nobody).
    /// </summary>
    private static ClipKeypoints Retime(ClipKeypoints clip, double speed)
    {
        var frames = new List<float[]>();
        for (var t = 0.0; t <= clip.Frames.Count - 1; t += speed)
        {
            var (i, a) = ((int)t, t - Math.Floor(t));
            var (f0, f1) = (clip.Frames[i], clip.Frames[Math.Min(i + 1, clip.Frames.Count - 1)]);
            if (f0.Length == 0 || f1.Length == 0)
            {
                frames.Add(a < 0.5 ? f0 : f1);
                continue;
            }
            frames.Add([.. f0.Select((v, k) => (float)(v + (a * (f1[k] - v))))]);
        }
        return clip with { Frames = frames };
    }

    /// <summary>
    /// Gaussian noise on every keypoint, its standard deviation a share of the person's height in that frame (MoveNet's
    /// own jitter on a poorer camera), from a fixed seed so that runs repeat.
    /// </summary>
    private static ClipKeypoints Jitter(ClipKeypoints clip, double share, int seed)
    {
        var random = new Random(seed);
        return Map(clip, (f, _) =>
        {
            var ys = Enumerable.Range(0, CocoKeypoints.Count).Select(k => f[(k * 3) + 1]).ToArray();
            var sigma = share * (ys.Max() - ys.Min());
            var m = (float[])f.Clone();
            for (var k = 0; k < CocoKeypoints.Count; k++)
            {
                m[k * 3] += (float)(sigma * Gaussian(random));
                m[(k * 3) + 1] += (float)(sigma * Gaussian(random));
            }
            return m;
        });
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Three seconds standing still (the middle frame held) inserted in the middle of the clip.</summary>
    private static ClipKeypoints Pause(ClipKeypoints clip)
    {
        var middle = clip.Frames.Count / 2;
        var hold = Enumerable.Repeat(clip.Frames[middle], (int)(3 * clip.FramesPerSecond));
        return clip with { Frames = [.. clip.Frames.Take(middle), .. hold, .. clip.Frames.Skip(middle)] };
    }

    /// <summary>
    /// Ten seconds of rest between the two middle reps (halfway between their labelled peaks, where the person is back
    /// at the start pose): that frame held, with jitter of 0.5 % of the person's height as a still person has. Clips
    /// with fewer than two labelled reps are left as they are.
    /// </summary>
    private static ClipKeypoints Rest(ClipKeypoints clip, ClipLabel label)
    {
        var peaks = label.PeakTimes;
        if (peaks.Count < 2) return clip;
        var at = (int)Math.Round((peaks[(peaks.Count / 2) - 1] + peaks[peaks.Count / 2]) / 2 * clip.FramesPerSecond);
        at = Math.Clamp(at, 0, clip.Frames.Count - 1);
        var still = clip with { Frames = [.. Enumerable.Repeat(clip.Frames[at], (int)(10 * clip.FramesPerSecond))] };
        return clip with { Frames = [.. clip.Frames.Take(at), .. Jitter(still, 0.005, seed: 2).Frames,
            .. clip.Frames.Skip(at)] };
    }

    /// <summary>
    /// The first and last frames held for <paramref name="seconds"/> before and after the clip, with 0.5 % jitter: a
    /// person who stands a while before starting and after finishing.
    /// </summary>
    private static ClipKeypoints StillAround(ClipKeypoints clip, double seconds)
    {
        var n = (int)(seconds * clip.FramesPerSecond);
        var (first, last) = (clip.Frames.FirstOrDefault(f => f.Length > 0) ?? [],
            clip.Frames.LastOrDefault(f => f.Length > 0) ?? []);
        var before = Jitter(clip with { Frames = [.. Enumerable.Repeat(first, n)] }, 0.005, seed: 3).Frames;
        var after = Jitter(clip with { Frames = [.. Enumerable.Repeat(last, n)] }, 0.005, seed: 4).Frames;
        return clip with { Frames = [.. before, .. clip.Frames, .. after] };
    }

    private static int Hash(int i, int salt) => (int)((((uint)i * 2654435761u) ^ (uint)salt) >> 7);
}
