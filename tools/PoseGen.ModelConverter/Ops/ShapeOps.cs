using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>Shape, layout and gather ops. Tensors stay NHWC throughout, so TF axes carry over unchanged.</summary>
internal static class ShapeOps
{
    public static void Register(Dictionary<string, OpConverter> ops)
    {
        // allowzero=1: a 0 in a TF shape means an empty dimension, not ONNX's default "copy the input dimension".
        ops["Reshape"] = (n, c) => Same(n, c, "Reshape", [c.In(n, 0), Int64Input(n, c, 1)],
            OnnxAttribute.Of("allowzero", 1L));
        ops["Squeeze"] = Squeeze;
        ops["ExpandDims"] = (n, c) => Same(n, c, "Unsqueeze", [c.In(n, 0),
            c.Int64s(n.Name + "/axes", c.ConstInts(n, 1))]);
        ops["Pack"] = Pack;
        ops["Unpack"] = Unpack;
        ops["ConcatV2"] = (n, c) =>
        {
            var count = n.Inputs.Count - 1;
            var axis = c.ConstInts(n, count)[0];
            Same(n, c, "Concat", [.. Enumerable.Range(0, count).Select(i => c.In(n, i))],
                OnnxAttribute.Of("axis", axis));
        };
        ops["Shape"] = (n, c) => c.Bind(n, c.Cast(c.Node("Shape", n.Name + "/int64", [c.In(n, 0)]), OutType(n), n.Name),
            OutType(n));
        ops["Size"] = (n, c) => c.Bind(n, c.Cast(c.Node("Size", n.Name + "/int64", [c.In(n, 0)]), OutType(n), n.Name),
            OutType(n));
        ops["Tile"] = (n, c) => Same(n, c, "Tile", [c.In(n, 0), Int64Input(n, c, 1)]);
        ops["Fill"] = Fill;
        ops["Range"] = (n, c) => Same(n, c, "Range", [c.In(n, 0), c.In(n, 1), c.In(n, 2)]);
        ops["Split"] = Split;
        ops["Transpose"] = (n, c) => Same(n, c, "Transpose", [c.In(n, 0)], OnnxAttribute.Of("perm", c.ConstInts(n, 1)));
        ops["GatherNd"] = (n, c) => Same(n, c, "GatherND", [c.In(n, 0), Int64Input(n, c, 1)]);
        ops["GatherV2"] = (n, c) =>
        {
            if (n.Attrs.Int("batch_dims") != 0)
                throw new NotSupportedException($"GatherV2 {n.Name}: batch_dims is not supported.");
            Same(n, c, "Gather", [c.In(n, 0), c.In(n, 1)], OnnxAttribute.Of("axis", c.ConstInts(n, 2)[0]));
        };
    }

    private static void Squeeze(TfjsNode n, ConversionContext c)
    {
        var axes = n.Attrs.Ints("squeeze_dims");
        Same(n, c, "Squeeze", axes.Length == 0 ? [c.In(n, 0)] : [c.In(n, 0), c.Int64s(n.Name + "/axes", axes)]);
    }

    /// <summary>Pack(values, axis) = Unsqueeze each value at axis, then Concat. Negative axes count from the output
    /// rank in both TF and ONNX.</summary>
    private static void Pack(TfjsNode n, ConversionContext c)
    {
        var axis = n.Attrs.Int("axis");
        var axes = c.Int64s(n.Name + "/axes", axis);
        var parts = Enumerable.Range(0, n.Inputs.Count)
            .Select(i => c.Node("Unsqueeze", $"{n.Name}/{i}", [c.In(n, i), axes]))
            .ToList();
        c.Bind(n, c.Node("Concat", n.Name, parts, OnnxAttribute.Of("axis", axis)), c.TypeOf(n, 0));
    }

    /// <summary>
    /// Unpack(value, axis, num) = Split into num pieces along axis, each squeezed; output i is "name:i".
    /// </summary>
    private static void Unpack(TfjsNode n, ConversionContext c)
    {
        var axis = n.Attrs.Int("axis");
        var num = (int)n.Attrs.Int("num");
        var type = c.TypeOf(n, 0);
        var axes = c.Int64s(n.Name + "/axes", axis);
        var pieces = num == 1
            ? [c.In(n, 0)]
            : c.Node("Split", n.Name + "/split", [c.In(n, 0)], num, OnnxAttribute.Of("axis", axis),
                OnnxAttribute.Of("num_outputs", (long)num));
        for (var i = 0; i < num; i++)
            c.Bind(n, c.Node("Squeeze", i == 0 ? n.Name : $"{n.Name}:{i}", [pieces[i], axes]), type, i);
    }

    /// <summary>Split(axis, value) with num_split equal parts; TF puts the axis first.</summary>
    private static void Split(TfjsNode n, ConversionContext c)
    {
        var axis = c.ConstInts(n, 0)[0];
        var num = (int)n.Attrs.Int("num_split");
        var type = c.TypeOf(n, 1);
        var outputs = c.Node("Split", n.Name, [c.In(n, 1)], num, OnnxAttribute.Of("axis", axis),
            OnnxAttribute.Of("num_outputs", (long)num));
        for (var i = 0; i < num; i++)
            c.Bind(n, outputs[i], type, i);
    }

    /// <summary>Fill(dims, value): ConstantOfShape when the value is a constant, else Expand.</summary>
    private static void Fill(TfjsNode n, ConversionContext c)
    {
        var dims = Int64Input(n, c, 0);
        if (c.Constant(n, 1) is { } value)
        {
            var scalar = value with { Name = "value", Dims = [1] };
            c.Bind(n, c.Node("ConstantOfShape", n.Name, [dims], OnnxAttribute.Of("value", scalar)), value.DataType);
            return;
        }
        c.Bind(n, c.Node("Expand", n.Name, [c.In(n, 1), dims]), c.TypeOf(n, 1));
    }

    /// <summary>An integer input as int64: a folded int64 initializer when constant, else a Cast node.</summary>
    internal static string Int64Input(TfjsNode n, ConversionContext c, int index)
    {
        if (c.Constant(n, index) is { DataType: OnnxDataType.Int32 } constant)
        {
            var folded = OnnxTensor.FromInt64s(n.Inputs[index] + "/int64", c.ConstInts(n, index), [.. constant.Dims]);
            return c.Builder.AddInitializer(folded, uniqueName: true);
        }
        return c.ToInt64(c.In(n, index), n.Name + "/int64_" + index);
    }

    private static OnnxDataType OutType(TfjsNode n) => n.Attrs.Type("out_type") ?? OnnxDataType.Int32;

    private static void Same(TfjsNode n, ConversionContext c, string op, IReadOnlyList<string> inputs,
        OnnxAttribute? attribute = null) =>
        ElementwiseOps.Same(n, c, op, inputs, attribute);
}
