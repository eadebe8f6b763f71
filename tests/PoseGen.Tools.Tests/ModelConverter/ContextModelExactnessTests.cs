using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>
/// The converted context models against the original TF.js graph models on the wasm backend, on the fixture
/// scene photos, fed as @vladmandic/human feeds them: CenterNet float RGB 0..255 at 512x512, selfie RGB / 255 at
/// 256x256. Same kind of tolerance as MoveNet: coordinates within 0.002 of the input size, scores and mask values
/// within 0.01.
/// </summary>
public sealed class ContextModelExactnessTests(ITestOutputHelper output)
{
    private const float CoordinateTolerance = 0.002f;
    private const float ScoreTolerance = 0.01f;

    /// <summary>tower_0/detections [1, 100, 6]: x1, y1, x2, y2 in input pixels, score, class, sorted by score.
    /// Near-equal scores may swap rows between runtimes, so each TF.js row above 0.05 is matched to the nearest ONNX
    /// box of the same class rather than by row index.</summary>
    [Fact]
    public void CenterNetDetectionsMatchTfjs()
    {
        const int size = 512;
        var inputs = ScenePhotos().Select(p => Floats(ReferenceRunner.PhotoTensor(p, size), 1f)).ToList();
        long[] shape = [1, size, size, 3];
        var expected = ReferenceRunner.RunTfjs(TestPaths.TfjsModel("centernet"), inputs, shape, "tower_0/detections");
        using var session = new InferenceSession(Path.Combine(TestPaths.Models, "centernet.onnx"));

        float maxCoordinate = 0, maxScore = 0;
        var compared = 0;
        for (var p = 0; p < inputs.Count; p++)
        {
            var actual = ReferenceRunner.RunOnnx(session, inputs[p], shape, "tower_0/detections");
            Assert.Equal(600, actual.Length);
            for (var row = 0; row < 100; row++)
            {
                var e = expected[p].AsSpan(row * 6, 6).ToArray();
                if (e[4] < 0.05f)
                    continue;
                var match = Enumerable.Range(0, 100).Select(r => actual.AsSpan(r * 6, 6).ToArray())
                    .Where(a => a[5] == e[5]).MinBy(a => BoxDistance(a, e))
                    ?? throw new Xunit.Sdk.XunitException($"photo {p}: no ONNX detection of class {e[5]}");
                var coordinate = BoxDistance(match, e) / size;
                var score = Math.Abs(match[4] - e[4]);
                maxCoordinate = Math.Max(maxCoordinate, coordinate);
                maxScore = Math.Max(maxScore, score);
                Assert.True(coordinate <= CoordinateTolerance && score <= ScoreTolerance,
                    $"photo {p} row {row}: TF.js [{string.Join(", ", e)}], ONNX [{string.Join(", ", match)}]");
                compared++;
            }
        }
        Assert.True(compared >= inputs.Count, $"only {compared} detections above 0.05 to compare");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"centernet: {inputs.Count} photos, {compared} detections, max |box diff| / 512 {maxCoordinate:E2}, max " +
            $"|score diff| {maxScore:E2}"));
    }

    [Fact]
    public void SelfieMaskMatchesTfjs()
    {
        const int size = 256;
        var inputs = ScenePhotos().Select(p => Floats(ReferenceRunner.PhotoTensor(p, size), 1f / 255)).ToList();
        long[] shape = [1, size, size, 3];
        var expected = ReferenceRunner.RunTfjs(TestPaths.TfjsModel("selfie"), inputs, shape, "activation_10");
        using var session = new InferenceSession(Path.Combine(TestPaths.Models, "selfie.onnx"));

        float max = 0;
        for (var p = 0; p < inputs.Count; p++)
        {
            var actual = ReferenceRunner.RunOnnx(session, inputs[p], shape);
            Assert.Equal(size * size, actual.Length);
            for (var i = 0; i < actual.Length; i++)
                max = Math.Max(max, Math.Abs(actual[i] - expected[p][i]));
        }
        Assert.True(max <= ScoreTolerance, $"selfie mask differs from TF.js by {max}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"selfie: {inputs.Count} photos, max |mask diff| {max:E2}"));
    }

    private static List<string> ScenePhotos()
    {
        var photos = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "scenes"), "*.jpg")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(photos);
        return photos;
    }

    private static float[] Floats(int[] pixels, float scale) => [.. pixels.Select(v => v * scale)];

    private static float BoxDistance(float[] a, float[] b) =>
        Math.Max(Math.Max(Math.Abs(a[0] - b[0]), Math.Abs(a[1] - b[1])),
            Math.Max(Math.Abs(a[2] - b[2]), Math.Abs(a[3] - b[3])));
}
