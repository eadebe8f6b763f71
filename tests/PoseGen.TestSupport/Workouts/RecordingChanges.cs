using PoseGen.Core.Poses;
using PoseGen.Core.Workouts;

namespace PoseGen.TestSupport.Workouts;

/// <summary>
/// One person's keypoints in every sampled frame of a clip: per frame the 17 COCO keypoints as x, y, score (pixels of a
/// <see cref="Width"/> x <see cref="Height"/> frame), or an empty array where nobody was found.
/// </summary>
public sealed record KeypointClip(double FramesPerSecond, int Width, int Height, IReadOnlyList<float[]> Frames)
{
    public IEnumerable<PoseFrame> PoseFrames()
    {
        for (var i = 0; i < Frames.Count; i++)
        {
            var f = Frames[i];
            var keypoints = f.Length == 0 ? null
                : Enumerable.Range(0, CocoKeypoints.Count).Select(k =>
                    new Keypoint(f[k * 3], f[(k * 3) + 1], f[(k * 3) + 2])).ToArray();
            yield return new PoseFrame(i / FramesPerSecond, keypoints ?? PoseFrame.FromPose(0, null, 1, 1).Keypoints,
                Width, Height);
        }
    }

    /// <summary>Frames at a steady <paramref name="framesPerSecond"/>; a frame whose keypoints all score 0 is
    /// nobody.</summary>
    public static KeypointClip From(IReadOnlyList<PoseFrame> frames, double framesPerSecond) =>
        new(framesPerSecond, frames.Count > 0 ? frames[0].ImageWidth : 1, frames.Count > 0 ? frames[0].ImageHeight : 1,
            [.. frames.Select(f => f.Keypoints.All(k => k.Score <= 0) ? []
                : f.Keypoints.SelectMany(k => new[] { k.X, k.Y, k.Score }).ToArray())]);
}

/// <summary>A change to a recording that leaves its true rep count alone. <see cref="Apply"/> gets the clip and the
/// times of its labelled rep peaks (used to place a rest between two reps).</summary>
public sealed record RecordingChange(string Name, Func<KeypointClip, IReadOnlyList<double>, KeypointClip> Apply);

/// <summary>
/// Changes to a recorded clip that leave the true count alone (mirrored, played slower or faster (0.5x to 2x), at a
/// lower frame rate, with more keypoint jitter, with frames where nobody was found, the person smaller, the camera
/// tilted, a pause, a rest between two reps, standing still before and after, a handheld camera, joints that come and
/// go). A counter that holds on unseen clips counts the same on each; one that changes depends on something of the
/// filming the fixture clips happen to share. Fixed seeds, so runs repeat. Used by the workouts benchmark (robust) and
/// by the fixture clip tests.
/// </summary>
public static class RecordingChanges
{
    /// <summary>COCO's left/right pairs (eyes, ears, shoulders, elbows, wrists, hips, knees, ankles).</summary>
    private static readonly int[] Mirror = [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15];

    public static IReadOnlyList<RecordingChange> All { get; } =
    [
        new("as filmed", (c, _) => c),
        new("mirrored", (c, _) => Map(c, (f, _) => MirrorFrame(f, c.Width))),
        new("played 0.7x", (c, _) => Retime(c, 0.7)),
        new("played 1.4x", (c, _) => Retime(c, 1.4)),
        new("played 0.5x", (c, _) => Retime(c, 0.5)),
        new("played 2x", (c, _) => Retime(c, 2)),
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
        new("handheld camera", (c, _) => Handheld(c)),
        new("joints flicker out 15 %", (c, _) => Map(c, (f, i) => Flicker(f, i, 0.15))),
    ];

    private static KeypointClip Map(KeypointClip clip, Func<float[], int, float[]> frame) =>
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

    /// <summary>
    /// A phone held in the hand: the picture drifts and sways (two slow sines, 0.6 and 1.7 Hz, up to 3 % of the frame
    /// height in each direction) and rolls up to 1.5 degrees, smoothly, as a hand does.
    /// </summary>
    private static KeypointClip Handheld(KeypointClip clip) => Map(clip, (f, i) =>
    {
        var t = i / clip.FramesPerSecond;
        var sway = clip.Height * 0.02;
        var dx = sway * (Math.Sin(2 * Math.PI * 0.6 * t) + (0.5 * Math.Sin((2 * Math.PI * 1.7 * t) + 1)));
        var dy = sway * (Math.Sin((2 * Math.PI * 0.5 * t) + 2) + (0.5 * Math.Sin((2 * Math.PI * 1.3 * t) + 3)));
        return Affine(f, clip.Width, clip.Height, 1, 1.5 * Math.Sin((2 * Math.PI * 0.4 * t) + 2), dx, dy);
    });

    /// <summary>
    /// Each keypoint independently unseen (score 0) in <paramref name="share"/> of the frames, as joints behind the
    /// body or in poor light come and go.
    /// </summary>
    private static float[] Flicker(float[] f, int frame, double share)
    {
        var m = (float[])f.Clone();
        for (var k = 0; k < CocoKeypoints.Count; k++)
            if (Hash((frame * CocoKeypoints.Count) + k, 11) % 1000 < share * 1000) m[(k * 3) + 2] = 0;
        return m;
    }

    /// <summary>Scales about the picture's centre by <paramref name="scale"/>, turns by degrees and shifts by
    /// (<paramref name="dx"/>, <paramref name="dy"/>) pixels.</summary>
    private static float[] Affine(float[] f, int width, int height, double scale, double degrees, double dx = 0,
        double dy = 0)
    {
        var (cx, cy) = (width / 2.0, height / 2.0);
        var (cos, sin) = (Math.Cos(degrees * Math.PI / 180) * scale, Math.Sin(degrees * Math.PI / 180) * scale);
        var m = (float[])f.Clone();
        for (var k = 0; k < CocoKeypoints.Count; k++)
        {
            var (x, y) = (f[k * 3] - cx, f[(k * 3) + 1] - cy);
            m[k * 3] = (float)(cx + (cos * x) - (sin * y) + dx);
            m[(k * 3) + 1] = (float)(cy + (sin * x) + (cos * y) + dy);
        }
        return m;
    }

    /// <summary>
    /// The same motion at <paramref name="speed"/> times its pace, sampled at the clip's frame rate: each new frame is
    /// the linear blend of the two recorded frames around its time (the nearer one where either has nobody).
    /// </summary>
    private static KeypointClip Retime(KeypointClip clip, double speed)
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
    private static KeypointClip Jitter(KeypointClip clip, double share, int seed)
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
    private static KeypointClip Pause(KeypointClip clip)
    {
        var middle = clip.Frames.Count / 2;
        var hold = Enumerable.Repeat(clip.Frames[middle], (int)(3 * clip.FramesPerSecond));
        return clip with { Frames = [.. clip.Frames.Take(middle), .. hold, .. clip.Frames.Skip(middle)] };
    }

    /// <summary>
    /// Ten seconds of rest between the two middle reps (halfway between their labelled peaks, where the person is back
    /// at the start pose): that frame held, with jitter of 0.5 % of the person's height as a still person has. Clips
    /// with fewer than two labelled peaks are left as they are.
    /// </summary>
    private static KeypointClip Rest(KeypointClip clip, IReadOnlyList<double> peaks)
    {
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
    private static KeypointClip StillAround(KeypointClip clip, double seconds)
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
