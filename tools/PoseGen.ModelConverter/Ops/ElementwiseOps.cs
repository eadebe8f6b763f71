using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>
/// Element-wise TF ops. TF and ONNX broadcast the same way (numpy rules), so binary ops map one to one.
/// </summary>
internal static class ElementwiseOps
{
    public static void Register(Dictionary<string, OpConverter> ops)
    {
        foreach (var (tf, onnx) in new[]
        {
            ("Add", "Add"), ("AddV2", "Add"), ("Sub", "Sub"), ("Mul", "Mul"), ("RealDiv", "Div"), ("Div", "Div"),
            ("Maximum", "Max"), ("Minimum", "Min"), ("Pow", "Pow"),
        })
        {
            ops[tf] = (n, c) => Same(n, c, onnx, [c.In(n, 0), c.In(n, 1)]);
        }
        foreach (var (tf, onnx) in new[]
        {
            ("Less", "Less"), ("LessEqual", "LessOrEqual"), ("Greater", "Greater"), ("GreaterEqual", "GreaterOrEqual"),
            ("Equal", "Equal"), ("LogicalAnd", "And"), ("LogicalOr", "Or"),
        })
        {
            ops[tf] = (n, c) => c.Bind(n, c.Node(onnx, n.Name, [c.In(n, 0), c.In(n, 1)]), OnnxDataType.Bool);
        }
        foreach (var (tf, onnx) in new[]
        {
            ("Sigmoid", "Sigmoid"), ("Relu", "Relu"), ("Exp", "Exp"), ("Log", "Log"), ("Sqrt", "Sqrt"), ("Abs", "Abs"),
            ("Neg", "Neg"), ("Reciprocal", "Reciprocal"), ("Tanh", "Tanh"), ("Floor", "Floor"), ("Ceil", "Ceil"),
            ("Round", "Round"), ("Elu", "Elu"), ("LogicalNot", "Not"), ("Sign", "Sign"),
        })
        {
            ops[tf] = (n, c) => Same(n, c, onnx, [c.In(n, 0)]);
        }
        ops["NotEqual"] = (n, c) =>
            c.Bind(n, c.Node("Not", n.Name, [c.Node("Equal", n.Name + "/equal", [c.In(n, 0), c.In(n, 1)])]),
                OnnxDataType.Bool);
        ops["Relu6"] = (n, c) => Same(n, c, "Clip", [c.In(n, 0), c.Scalar(n.Name + "/min", 0f),
            c.Scalar(n.Name + "/max", 6f)]);
        ops["Square"] = (n, c) => Same(n, c, "Mul", [c.In(n, 0), c.In(n, 0)]);
        ops["Rsqrt"] = (n, c) => Same(n, c, "Reciprocal", [c.Node("Sqrt", n.Name + "/sqrt", [c.In(n, 0)])]);
        ops["SquaredDifference"] = (n, c) =>
        {
            var diff = c.Node("Sub", n.Name + "/diff", [c.In(n, 0), c.In(n, 1)]);
            Same(n, c, "Mul", [diff, diff]);
        };
        ops["FloorDiv"] = FloorDiv;
        ops["FloorMod"] = FloorMod;
        ops["Select"] = Select;
        ops["SelectV2"] = Select;
        ops["AddN"] = AddN;
        ops["Cast"] = (n, c) => c.Bind(n, c.Cast(c.In(n, 0), n.Attrs.Type("DstT") ?? throw Missing(n, "DstT"), n.Name),
            n.Attrs.Type("DstT")!.Value);
        ops["Identity"] = (n, c) => c.Alias(n, 0);
        ops["StopGradient"] = (n, c) => c.Alias(n, 0);
        ops["LeakyRelu"] = (n, c) => Same(n, c, "LeakyRelu", [c.In(n, 0)],
            OnnxAttribute.Of("alpha", n.Attrs.Float("alpha", 0.2f)));
    }

    /// <summary>floor(a / b). For integers ONNX Div truncates toward zero, so subtract the floored remainder first:
    /// a - floormod(a, b) is an exact multiple of b and truncation no longer matters.</summary>
    private static void FloorDiv(TfjsNode n, ConversionContext c)
    {
        var (a, b) = (c.In(n, 0), c.In(n, 1));
        if (IsFloat(c.TypeOf(a)))
        {
            Same(n, c, "Floor", [c.Node("Div", n.Name + "/div", [a, b])]);
            return;
        }
        var mod = c.Node("Mod", n.Name + "/mod", [a, b], OnnxAttribute.Of("fmod", 0L));
        Same(n, c, "Div", [c.Node("Sub", n.Name + "/exact", [a, mod]), b]);
    }

    /// <summary>TF FloorMod: result has the sign of the divisor. ONNX Mod fmod=0 means exactly that for integers;
    /// for floats ONNX requires fmod=1 (C fmod), so compute a - floor(a / b) * b.</summary>
    private static void FloorMod(TfjsNode n, ConversionContext c)
    {
        var (a, b) = (c.In(n, 0), c.In(n, 1));
        if (!IsFloat(c.TypeOf(a)))
        {
            Same(n, c, "Mod", [a, b], OnnxAttribute.Of("fmod", 0L));
            return;
        }
        var floor = c.Node("Floor", n.Name + "/floor", [c.Node("Div", n.Name + "/div", [a, b])]);
        Same(n, c, "Sub", [a, c.Node("Mul", n.Name + "/mul", [floor, b])]);
    }

    /// <summary>Select/SelectV2 -> Where, which broadcasts like SelectV2. TF's v1 Select also allows a vector condition
    /// that picks whole rows of a higher-rank value; the graphs converted so far use equal-shape conditions
    /// only.</summary>
    private static void Select(TfjsNode n, ConversionContext c) =>
        Same(n, c, "Where", [c.In(n, 0), c.In(n, 1), c.In(n, 2)], type: c.TypeOf(n, 1));

    private static void AddN(TfjsNode n, ConversionContext c)
    {
        var inputs = Enumerable.Range(0, n.Inputs.Count).Select(i => c.In(n, i)).ToList();
        if (IsFloat(c.TypeOf(inputs[0])))
        {
            Same(n, c, "Sum", inputs);
            return;
        }
        // ONNX Sum is float-only; integers are added pairwise (exact either way).
        var total = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
            total = c.Node("Add", i == inputs.Count - 1 ? n.Name : $"{n.Name}/add{i}", [total, inputs[i]]);
        c.Bind(n, total, c.TypeOf(inputs[0]));
    }

    /// <summary>
    /// Adds one ONNX node whose output has the type of the TF node's first input (or <paramref name="type"/>).
    /// </summary>
    internal static void Same(
        TfjsNode n, ConversionContext c, string op, IReadOnlyList<string> inputs, OnnxAttribute? attribute = null,
        OnnxDataType? type = null)
    {
        var output = attribute is null ? c.Node(op, n.Name, inputs) : c.Node(op, n.Name, inputs, attribute);
        c.Bind(n, output, type ?? c.TypeOf(n, 0));
    }

    internal static bool IsFloat(OnnxDataType t) => t is OnnxDataType.Float or OnnxDataType.Float16
        or OnnxDataType.Double;

    internal static NotSupportedException Missing(TfjsNode n, string attr) =>
        new($"{n.Op} {n.Name}: attribute {attr} missing.");
}
