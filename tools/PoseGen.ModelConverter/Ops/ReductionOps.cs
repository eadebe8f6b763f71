using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>Reductions, arg-reductions and top-k.</summary>
internal static class ReductionOps
{
    public static void Register(Dictionary<string, OpConverter> ops)
    {
        foreach (var (tf, onnx) in new[] { ("Max", "ReduceMax"), ("Min", "ReduceMin"), ("Sum", "ReduceSum"),
            ("Mean", "ReduceMean"), ("Prod", "ReduceProd") })
            ops[tf] = (n, c) => Reduce(n, c, onnx);
        ops["ArgMax"] = (n, c) => Arg(n, c, "ArgMax");
        ops["ArgMin"] = (n, c) => Arg(n, c, "ArgMin");
        ops["TopKV2"] = TopK;
    }

    /// <summary>TF reduces over reduction_indices (keep_dims optional); with no indices it reduces nothing, which is
    /// ONNX's noop_with_empty_axes=1.</summary>
    private static void Reduce(TfjsNode n, ConversionContext c, string op)
    {
        var axes = c.Int64s(n.Name + "/axes", c.ConstInts(n, 1));
        var reduced = c.Node(op, n.Name, [c.In(n, 0), axes],
            OnnxAttribute.Of("keepdims", n.Attrs.Bool("keep_dims") ? 1L : 0L),
            OnnxAttribute.Of("noop_with_empty_axes", 1L));
        c.Bind(n, reduced, c.TypeOf(n, 0));
    }

    /// <summary>Both TF and ONNX (select_last_index=0) return the first index among equal maxima. ONNX returns int64;
    /// TF's output_type (default int64) is restored with a Cast.</summary>
    private static void Arg(TfjsNode n, ConversionContext c, string op)
    {
        var axis = c.ConstInts(n, 1)[0];
        var index = c.Node(op, n.Name + "/int64", [c.In(n, 0)], OnnxAttribute.Of("axis", axis),
            OnnxAttribute.Of("keepdims", 0L));
        c.SetType(index, OnnxDataType.Int64);
        var type = n.Attrs.Type("output_type") ?? OnnxDataType.Int64;
        c.Bind(n, type == OnnxDataType.Int64 ? index : c.Cast(index, type, n.Name), type);
    }

    /// <summary>TopKV2(input, k) along the last axis, largest first. Ties: TF and ONNX Runtime both put the lower index
    /// first. Indices come back int64 from ONNX and int32 from TF.</summary>
    private static void TopK(TfjsNode n, ConversionContext c)
    {
        var k = c.Constant(n, 1) is not null
            ? c.Int64s(n.Name + "/k", c.ConstInts(n, 1)[0])
            : c.Node("Reshape", n.Name + "/k", [c.ToInt64(c.In(n, 1), n.Name + "/k64"),
                c.Int64s(n.Name + "/k_shape", 1)]);
        var outputs = c.Node("TopK", n.Name, [c.In(n, 0), k], 2,
            OnnxAttribute.Of("axis", -1L), OnnxAttribute.Of("largest", 1L),
            OnnxAttribute.Of("sorted", n.Attrs.Bool("sorted", true) ? 1L : 0L));
        c.Bind(n, outputs[0], c.TypeOf(n, 0), 0);
        c.SetType(outputs[1], OnnxDataType.Int64);
        c.Bind(n, c.Cast(outputs[1], OnnxDataType.Int32, n.Name + "/indices"), OnnxDataType.Int32, 1);
    }
}
