using System.Text.Json;
using PoseGen.Application.Workouts;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Workouts;
using PoseGen.Inference.Video;
using PoseGen.TestSupport.Workouts;

namespace PoseGen.Bench.Workouts;

/// <summary>
/// The main person's keypoints in every sampled frame of a clip, as the video analysis detects them, saved once so that
/// the counter can be evaluated (and its settings searched, leave-one-clip-out) in milliseconds instead of re-running
/// MoveNet. Points are pixels of the decoded frame; an empty array is a frame where nobody was found.
/// </summary>
internal sealed record ClipKeypoints(string Clip, string Model, double FramesPerSecond, int Width, int Height,
    List<float[]> Frames)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public IEnumerable<PoseFrame> PoseFrames() => ToKeypointClip().PoseFrames();

    public static async Task<ClipKeypoints> DetectAsync(FfmpegFrameSource frames, IPoseDetector detector, string path,
        PoseModelKind model)
    {
        var info = await frames.ProbeAsync(path, CancellationToken.None);
        var (width, height) = frames.OutputSize(info);
        var list = new List<float[]>();
        var follower = new PersonFollower(detector, model);
        await foreach (var frame in frames.ReadFramesAsync(path, info, CancellationToken.None))
        {
            var person = await follower.NextAsync(frame.Image, CancellationToken.None);
            list.Add(person is null ? [] : [.. person.Keypoints.SelectMany(k => new[] { k.X, k.Y, k.Score })]);
        }
        return new ClipKeypoints(Path.GetFileName(path), model.ToString(), frames.FramesPerSecond, width, height, list);
    }

    public KeypointClip ToKeypointClip() => new(FramesPerSecond, Width, Height, Frames);

    public ClipKeypoints With(KeypointClip changed) =>
        this with { FramesPerSecond = changed.FramesPerSecond, Frames = [.. changed.Frames] };

    public static string FileFor(string cacheDir, string clip, PoseModelKind model) =>
        Path.Combine(cacheDir, model.ToString().ToLowerInvariant(), Path.GetFileNameWithoutExtension(clip) + ".json");

    public async Task SaveAsync(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(this, Json));
    }

    public static ClipKeypoints? Load(string file) =>
        File.Exists(file) ? JsonSerializer.Deserialize<ClipKeypoints>(File.ReadAllText(file), Json) : null;
}
