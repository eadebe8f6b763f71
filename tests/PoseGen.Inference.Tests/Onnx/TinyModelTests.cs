using Microsoft.ML.OnnxRuntime;
using PoseGen.Onnx;

namespace PoseGen.Inference.Tests.Onnx;

/// <summary>
/// Tiny models written by PoseGen's own ONNX writer, run through PoseGen's ONNX Runtime build, outputs checked against
/// values computed here by plain loops.
/// </summary>
public sealed class TinyModelTests
{
    [Fact]
    public void MatMulPlusBiasGivesTheHandComputedProduct()
    {
        var graph = new OnnxGraphBuilder("affine");
        var x = graph.AddInput("x", OnnxDataType.Float, 2, 3);
        float[] weights = [1, 2, 3, 4, 5, 6]; // [3, 2], row-major
        float[] bias = [0.5f, -1];
        var product = graph.AddNode("MatMul", "product", [x, graph.AddInitializer("w", weights, 3, 2)]);
        graph.AddNodeWithOutputs("Add", [product, graph.AddInitializer("b", bias, 2)], ["y"]);
        graph.AddOutput("y", OnnxDataType.Float, [2, 2]);

        float[] input = [1, 0, -1, 2, 3, 4];
        var y = Run(graph, input, [2, 3]);

        // y[i, j] = sum_k x[i, k] * w[k, j] + b[j]
        float[] expected = new float[4];
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                expected[(i * 2) + j] = Enumerable.Range(0, 3).Sum(k => input[(i * 3) + k] * weights[(k * 2) + j])
                    + bias[j];
        Assert.Equal(expected, y);
    }

    [Fact]
    public void PaddedConvolutionSumsEachNeighbourhood()
    {
        var graph = new OnnxGraphBuilder("box-filter");
        var x = graph.AddInput("x", OnnxDataType.Float, 1, 1, 4, 4);
        var kernel = graph.AddInitializer("k", Enumerable.Repeat(1f, 9).ToArray(), 1, 1, 3, 3);
        graph.AddNodeWithOutputs("Conv", [x, kernel], ["y"],
            OnnxAttribute.Of("kernel_shape", [3L, 3L]), OnnxAttribute.Of("pads", [1L, 1L, 1L, 1L]));
        graph.AddOutput("y", OnnxDataType.Float, [1, 1, 4, 4]);

        var input = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();
        var y = Run(graph, input, [1, 1, 4, 4]);

        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                float sum = 0;
                for (var dr = -1; dr <= 1; dr++)
                    for (var dc = -1; dc <= 1; dc++)
                        if (r + dr is >= 0 and < 4 && c + dc is >= 0 and < 4)
                            sum += input[((r + dr) * 4) + c + dc];
                Assert.Equal(sum, y[(r * 4) + c]);
            }
        }
    }

    [Fact]
    public void Int32InputIsCastAndArgMaxPicksTheFirstLargest()
    {
        var graph = new OnnxGraphBuilder("argmax");
        var x = graph.AddInput("x", OnnxDataType.Int32, 2, 4);
        var asFloat = graph.AddNode("Cast", "as_float", [x], OnnxAttribute.Of("to", (long)OnnxDataType.Float));
        var index = graph.AddNode("ArgMax", "index", [asFloat], OnnxAttribute.Of("axis", 1L),
            OnnxAttribute.Of("keepdims", 0L));
        graph.AddNodeWithOutputs("Cast", [index], ["y"], OnnxAttribute.Of("to", (long)OnnxDataType.Float));
        graph.AddOutput("y", OnnxDataType.Float, [2]);

        using var session = new InferenceSession(graph.ToBytes());
        using var value = OrtValue.CreateTensorValueFromMemory(new[] { 3, 9, 9, 1, -5, -2, -7, -2 }, [2, 4]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { ["x"] = value }, ["y"]);
        Assert.Equal([1f, 1f], results[0].GetTensorDataAsSpan<float>().ToArray());
    }

    private static float[] Run(OnnxGraphBuilder graph, float[] input, long[] shape)
    {
        using var session = new InferenceSession(graph.ToBytes());
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { ["x"] = value },
            session.OutputNames);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
