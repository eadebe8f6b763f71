using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Inference.Onnx;

namespace PoseGen.Inference.Context;

/// <summary>
/// CenterNet (MobileNetV3, COCO 80 classes). Input and normalisation as @vladmandic/human feeds it: the photo stretched
/// to the model's square input (side read from the session's input shape, 512 in models.json) as float RGB 0..255.
/// tower_0/detections rows are (x1, y1, x2, y2) in input pixels, score, class index; the graph already keeps the
/// heatmap's local maxima, so near-duplicates are removed here with a per-class IoU test of 0.5.
/// </summary>
public sealed class CenterNetObjectDetector(OnnxModelHost host)
{
    private const string Output = "tower_0/detections";

    public bool IsAvailable => host.IsInstalled(ModelCatalog.CenterNet);

    public IReadOnlyList<DetectedObject> Detect(RgbImage image, float minScore = 0.2f)
    {
        ArgumentNullException.ThrowIfNull(image);
        var session = host.GetSession(ModelCatalog.CenterNet);
        var input = session.InputMetadata.First();
        var size = input.Value.Dimensions[1];
        var data = new float[size * size * 3];
        ContextPreprocessing.Stretch(image.Pixels, image.Width, image.Height, size, 1f, data);
        using var value = OrtValue.CreateTensorValueFromMemory(data, [1, size, size, 3]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { [input.Key] = value }, [Output]);
        return Decode(results[0].GetTensorDataAsSpan<float>(), size, image.Width, image.Height, minScore);
    }

    /// <summary>
    /// Rows of 6 -> objects in photo pixels, scores at or above <paramref name="minScore"/>, duplicates removed.
    /// </summary>
    public static IReadOnlyList<DetectedObject> Decode(ReadOnlySpan<float> rows, int inputSize, int width, int height,
        float minScore)
    {
        var found = new List<DetectedObject>();
        for (var r = 0; r + 6 <= rows.Length; r += 6)
        {
            var score = rows[r + 4];
            var cls = (int)rows[r + 5];
            if (score < minScore || cls < 0 || cls >= CocoClasses.Names.Length)
                continue;
            float sx = (float)width / inputSize, sy = (float)height / inputSize;
            var x1 = Math.Clamp(rows[r] * sx, 0, width);
            var y1 = Math.Clamp(rows[r + 1] * sy, 0, height);
            var box = new BoundingBox(x1, y1, Math.Clamp(rows[r + 2] * sx, 0, width) - x1,
                Math.Clamp(rows[r + 3] * sy, 0, height) - y1);
            var candidate = new DetectedObject(CocoClasses.Names[cls], score, box);
            if (!found.Any(f => f.Label == candidate.Label && Iou(f.Box, box) > 0.5f))
                found.Add(candidate);
        }
        return [.. found.OrderByDescending(f => f.Score)];
    }

    /// <summary>Intersection over union of two boxes (0 when they do not overlap).</summary>
    internal static float Iou(BoundingBox a, BoundingBox b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0) return 0;
        var inter = w * h;
        return inter / ((a.Width * a.Height) + (b.Width * b.Height) - inter);
    }
}
