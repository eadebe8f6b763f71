using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using PoseGen.ModelConverter;
using static PoseGen.Tools.Tests.ModelConverter.TinyTfjsGraph;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>
/// Single ops whose TF semantics are easy to get subtly wrong (resize coordinate modes, SAME padding on odd sizes,
/// depthwise channel order, floor division of negative integers, strided-slice masks), converted from tiny TF.js graphs
/// and compared with TF.js itself on the wasm backend.
/// </summary>
public sealed class OpConversionTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("posegen-ops-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("ResizeBilinear", false, false, 5, 7)]
    [InlineData("ResizeBilinear", true, false, 5, 7)]
    [InlineData("ResizeBilinear", false, true, 5, 7)]
    [InlineData("ResizeBilinear", false, true, 2, 3)]
    [InlineData("ResizeBilinear", true, false, 2, 3)]
    [InlineData("ResizeNearestNeighbor", false, false, 5, 7)]
    [InlineData("ResizeNearestNeighbor", true, false, 5, 7)]
    [InlineData("ResizeNearestNeighbor", false, true, 5, 7)]
    [InlineData("ResizeNearestNeighbor", false, true, 2, 3)]
    public void ResizeMatchesTfjs(string op, bool alignCorners, bool halfPixelCenters, int height, int width)
    {
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_FLOAT", 1, 3, 4, 2);
        var size = g.ConstInt32("size", [height, width], 2);
        var y = g.Op("resize", op, [x, size], new JsonObject
        {
            ["T"] = Type("DT_FLOAT"), ["align_corners"] = Bool(alignCorners),
            ["half_pixel_centers"] = Bool(halfPixelCenters),
        });
        AssertFloatModelMatchesTfjs(g, y, [1, 3, 4, 2], [1, height, width, 2]);
    }

    [Theory]
    [InlineData("_FusedConv2D", "SAME", 2, 5, new[] { "BiasAdd", "Relu6" })]
    [InlineData("_FusedConv2D", "VALID", 1, 5, new[] { "BiasAdd", "Relu" })]
    [InlineData("_FusedConv2D", "SAME", 2, 6, new[] { "BiasAdd" })]
    [InlineData("FusedDepthwiseConv2dNative", "SAME", 2, 5, new[] { "BiasAdd", "Relu6" })]
    [InlineData("FusedDepthwiseConv2dNative", "VALID", 1, 6, new[] { "BiasAdd", "Relu" })]
    [InlineData("DepthwiseConv2dNative", "SAME", 2, 6, new string[0])]
    [InlineData("Conv2D", "SAME", 1, 5, new string[0])]
    public void ConvolutionMatchesTfjs(string op, string padding, int stride, int size, string[] fusedOps)
    {
        const int inChannels = 3;
        var depthwise = op.Contains("Depthwise", StringComparison.Ordinal);
        var outChannels = depthwise ? inChannels * 2 : 4;
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_FLOAT", 1, size, size, inChannels);
        var filter = g.ConstFloat16("filter", Values(3 * 3 * inChannels * (depthwise ? 2 : 4), seed: 2), 3, 3,
            inChannels, depthwise ? 2 : 4);
        var inputs = new List<string> { x, filter };
        if (fusedOps.Length > 0)
            inputs.Add(g.ConstFloat16("bias", Values(outChannels, seed: 3), outChannels));
        var attrs = new JsonObject
        {
            ["T"] = Type("DT_FLOAT"), ["padding"] = Text(padding), ["data_format"] = Text("NHWC"),
            ["strides"] = Ints(1, stride, stride, 1), ["dilations"] = Ints(1, 1, 1, 1),
        };
        if (fusedOps.Length > 0)
        {
            attrs["fused_ops"] = Texts(fusedOps);
            attrs["num_args"] = Int(1);
            attrs["epsilon"] = new JsonObject { ["f"] = 0 };
        }
        var y = g.Op("conv", op, [.. inputs], attrs);
        var outSize = padding == "SAME" ? (size + stride - 1) / stride : ((size - 3) / stride) + 1;
        AssertFloatModelMatchesTfjs(g, y, [1, size, size, inChannels], [1, outSize, outSize, outChannels]);
    }

    [Theory]
    [InlineData("MaxPool", 5)]
    [InlineData("MaxPool", 6)]
    [InlineData("AvgPool", 5)]
    public void PoolingWithSamePaddingMatchesTfjs(string op, int size)
    {
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_FLOAT", 1, size, size, 2);
        var y = g.Op("pool", op, [x], new JsonObject
        {
            ["T"] = Type("DT_FLOAT"), ["padding"] = Text("SAME"), ["data_format"] = Text("NHWC"),
            ["ksize"] = Ints(1, 3, 3, 1), ["strides"] = Ints(1, 2, 2, 1),
        });
        var outSize = (size + 1) / 2;
        AssertFloatModelMatchesTfjs(g, y, [1, size, size, 2], [1, outSize, outSize, 2]);
    }

    [Theory]
    [InlineData("FloorDiv", new[] { -4, -4, -3, 1, 0, -1, -3, 2 })]
    [InlineData("FloorMod", new[] { 1, -1, 1, 0, 0, 3, -3, -1 })]
    public void IntegerFloorDivisionRoundsTowardNegativeInfinity(string op, int[] expected)
    {
        int[] a = [-7, 7, -8, 5, 0, -1, 9, -9];
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_INT32", 8);
        var y = g.Op("floor", op, [x, g.ConstInt32("divisor", [2, -2, 3, 5, 3, 4, -4, -4], 8)],
            new JsonObject { ["T"] = Type("DT_INT32") });
        var model = g.Save(_directory.FullName, y, "DT_INT32", [8]);

        using var session = new InferenceSession(ModelBuild.ConvertFile(model, "floor"));
        var actual = ReferenceRunner.RunOnnx(session, a, [8]);
        Assert.Equal(expected.Select(v => (float)v), actual);
        Assert.Equal(ReferenceRunner.RunTfjs(model, [a], [8])[0], actual);
    }

    /// <summary>
    /// x has shape [2,3,4]; the cases are x[:, 1:3, ::2], x[-1], x[:, None, 1], x[:, :, ::-1], x[:, -2].
    /// </summary>
    [Theory]
    [InlineData(new long[] { 0, 1, 0 }, new long[] { 0, 3, 0 }, new long[] { 1, 1, 2 }, 5, 5, 0, 0,
        new long[] { 2, 2, 2 })]
    [InlineData(new long[] { -1 }, new long[] { 0 }, new long[] { 1 }, 0, 0, 0, 1, new long[] { 3, 4 })]
    [InlineData(new long[] { 0, 0, 1 }, new long[] { 0, 0, 2 }, new long[] { 1, 1, 1 }, 1, 1, 2, 4,
        new long[] { 2, 1, 4 })]
    [InlineData(new long[] { 0, 0, 0 }, new long[] { 0, 0, 0 }, new long[] { 1, 1, -1 }, 7, 7, 0, 0,
        new long[] { 2, 3, 4 })]
    [InlineData(new long[] { 0, -2 }, new long[] { 0, -1 }, new long[] { 1, 1 }, 1, 1, 0, 2, new long[] { 2, 4 })]
    public void StridedSliceMasksMatchTfjs(
        long[] begin, long[] end, long[] strides, int beginMask, int endMask, int newAxisMask, int shrinkMask,
        long[] outputShape)
    {
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_FLOAT", 2, 3, 4);
        var n = begin.Length;
        var y = g.Op("slice", "StridedSlice", [
            x, g.ConstInt32("begin", [.. begin.Select(v => (int)v)], n),
            g.ConstInt32("end", [.. end.Select(v => (int)v)], n),
            g.ConstInt32("strides", [.. strides.Select(v => (int)v)], n)], new JsonObject
        {
            ["T"] = Type("DT_FLOAT"), ["Index"] = Type("DT_INT32"), ["begin_mask"] = Int(beginMask),
            ["end_mask"] = Int(endMask),
            ["ellipsis_mask"] = Int(0), ["new_axis_mask"] = Int(newAxisMask), ["shrink_axis_mask"] = Int(shrinkMask),
        });
        AssertFloatModelMatchesTfjs(g, y, [2, 3, 4], outputShape);
    }

    [Fact]
    public void UnsupportedOpsAreAllNamedInOneError()
    {
        var g = new TinyTfjsGraph();
        var x = g.Input("x", "DT_FLOAT", 4);
        var y = g.Op("b", "Erf", [g.Op("a", "Cosh", [x])]);
        var model = g.Save(_directory.FullName, y, "DT_FLOAT", [4]);

        var error = Assert.Throws<NotSupportedException>(() => ModelBuild.ConvertFile(model, "unsupported"));
        Assert.Equal("Unsupported TF ops: Cosh, Erf.", error.Message);
    }

    private void AssertFloatModelMatchesTfjs(TinyTfjsGraph g, string output, long[] inputShape, long[] outputShape)
    {
        var model = g.Save(_directory.FullName, output, "DT_FLOAT", outputShape);
        var input = Values((int)inputShape.Aggregate(1L, (a, b) => a * b), seed: 1);
        using var session = new InferenceSession(ModelBuild.ConvertFile(model, "tiny"));
        Assert.Equal(outputShape.Select(d => (int)d), session.OutputMetadata["Identity"].Dimensions);
        var actual = ReferenceRunner.RunOnnx(session, input, inputShape);
        var expected = ReferenceRunner.RunTfjs(model, input, inputShape);
        Assert.Equal(outputShape.Aggregate(1L, (a, b) => a * b), actual.Length);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-5f,
                $"value {i}: ONNX {actual[i]}, TF.js {expected[i]}");
    }

    /// <summary>
    /// Deterministic values in [-4, 4), exactly representable in float16 so both sides see the same weights.
    /// </summary>
    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)(Half)((random.NextSingle() * 8) - 4))];
    }
}
