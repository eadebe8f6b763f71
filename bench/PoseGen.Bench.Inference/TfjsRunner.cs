using System.Diagnostics;
using System.Text.Json;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Bench.Inference;

/// <summary>(c) and (d), TF.js side: runs bench/tfjs/movenet-bench.mjs on frames our decoder wrote.</summary>
internal sealed record TfjsResults(
    string Description,
    IReadOnlyDictionary<string, Timing> Raw,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Pose>>> Predictions,
    IReadOnlyDictionary<string, double> MedianPipelineMs)
{
    public static TfjsResults Run(string repoRoot, IReadOnlyDictionary<string, RgbImage> photos, int warmup,
        int iterations)
    {
        var frames = Directory.CreateTempSubdirectory("posegen-bench-frames-");
        try
        {
            var manifest = photos.Select(p =>
            {
                var file = Path.ChangeExtension(p.Key, ".rgb");
                File.WriteAllBytes(Path.Combine(frames.FullName, file), p.Value.Pixels);
                return new { name = p.Key, file, width = p.Value.Width, height = p.Value.Height };
            }).ToList();
            File.WriteAllText(Path.Combine(frames.FullName, "manifest.json"), JsonSerializer.Serialize(manifest));

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                ArgumentList = { "bench/tfjs/movenet-bench.mjs", frames.FullName, iterations.ToString(),
                    warmup.ToString() },
            };
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var json = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0)
                throw new InvalidOperationException($"movenet-bench.mjs exited with {node.ExitCode}");
            return Parse(json);
        }
        finally
        {
            frames.Delete(recursive: true);
        }
    }

    private static TfjsResults Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var description = $"TF.js {root.GetProperty("tfjs").GetString()} {root.GetProperty("backend").GetString()} " +
            $"(SIMD {root.GetProperty("simd").GetBoolean()}, threads {root.GetProperty("multithread").GetBoolean()})";
        var raw = root.GetProperty("raw").EnumerateObject().ToDictionary(m => m.Name, m => new Timing(
            m.Value.GetProperty("medianMs").GetDouble(), m.Value.GetProperty("meanMs").GetDouble(),
            m.Value.GetProperty("p90Ms").GetDouble(), m.Value.GetProperty("minMs").GetDouble(),
            m.Value.GetProperty("n").GetInt32()));
        var predictions = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Pose>>>();
        var pipelineMs = new Dictionary<string, double>();
        foreach (var model in root.GetProperty("predictions").EnumerateObject())
        {
            var perImage = new Dictionary<string, IReadOnlyList<Pose>>();
            var times = new List<double>();
            foreach (var image in model.Value.EnumerateObject())
            {
                times.Add(image.Value.GetProperty("ms").GetDouble());
                perImage[image.Name] = image.Value.GetProperty("people").EnumerateArray().Select(p => new Pose(
                    p.GetProperty("keypoints").EnumerateArray()
                        .Select(k => new Keypoint(k[0].GetSingle(), k[1].GetSingle(), k[2].GetSingle())).ToList(),
                    p.GetProperty("score").GetSingle(), default)).ToList();
            }
            predictions[model.Name] = perImage;
            pipelineMs[model.Name] = Timing.Of(times).MedianMs;
        }
        return new TfjsResults(description, raw, predictions, pipelineMs);
    }
}
