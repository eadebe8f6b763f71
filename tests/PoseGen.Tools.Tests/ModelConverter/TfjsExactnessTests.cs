using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>
/// The converted MoveNet models against the original TF.js graph models on the wasm backend, on the fixture photos:
/// keypoint and box coordinates (normalised to the input frame) within 0.002, scores within 0.01.
/// </summary>
public sealed class TfjsExactnessTests(ITestOutputHelper output)
{
    private const float CoordinateTolerance = 0.002f;
    private const float ScoreTolerance = 0.01f;

    /// <remarks>Multipose is converted with a free input size (models.json <c>freeInputSize</c>): it runs at 256x256
    /// for everyone and at a larger, non-square size for small people, so both are checked.</remarks>
    [Theory]
    [InlineData("movenet-lightning", 192, 192)]
    [InlineData("movenet-thunder", 256, 256)]
    [InlineData("movenet-multipose", 256, 256)]
    [InlineData("movenet-multipose", 640, 480)]
    public void ConvertedModelMatchesTfjsOnFixturePhotos(string model, int width, int height)
    {
        var photos = Directory.GetFiles(TestPaths.PeoplePhotos, "*.jpg").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(photos);
        long[] shape = [1, height, width, 3];
        var inputs = photos.Select(p => ReferenceRunner.PhotoTensor(p, width, height)).ToList();

        var expected = ReferenceRunner.RunTfjs(TestPaths.TfjsModel(model), inputs, shape);
        using var session = new InferenceSession(Path.Combine(TestPaths.Models, model + ".onnx"));

        float maxCoordinate = 0, maxScore = 0;
        for (var p = 0; p < photos.Count; p++)
        {
            var actual = ReferenceRunner.RunOnnx(session, inputs[p], shape);
            Assert.Equal(expected[p].Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
            {
                var difference = Math.Abs(actual[i] - expected[p][i]);
                var isScore = IsScore(model, i);
                if (isScore)
                    maxScore = Math.Max(maxScore, difference);
                else
                    maxCoordinate = Math.Max(maxCoordinate, difference);
                Assert.True(difference <= (isScore ? ScoreTolerance : CoordinateTolerance),
                    $"{model} {Path.GetFileName(photos[p])} value {i}: ONNX {actual[i]}, TF.js {expected[p][i]}");
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model}: {photos.Count} photos, max |coordinate diff| {maxCoordinate:E2}, " +
            $"max |score diff| {maxScore:E2}"));
    }

    /// <summary>Single-pose output [1,1,17,3] is (y, x, score) per keypoint. Multipose [1,6,56] rows are 17 x (y, x,
    /// score), then box (ymin, xmin, ymax, xmax) and the box score.</summary>
    private static bool IsScore(string model, int index)
    {
        if (model != "movenet-multipose")
            return index % 3 == 2;
        var j = index % 56;
        return j < 51 ? j % 3 == 2 : j == 55;
    }
}
