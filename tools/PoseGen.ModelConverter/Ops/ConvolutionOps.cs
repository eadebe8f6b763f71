using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>
/// Spatial ops. TF graphs are NHWC; ONNX Conv and pooling are NCHW. The rest of the graph stays NHWC (so Shape,
/// Reshape and slicing keep TF's meaning), and each spatial op is wrapped in Transpose NHWC->NCHW and back; ONNX
/// Runtime's transpose optimiser cancels the pairs between consecutive convolutions.
/// </summary>
internal static class ConvolutionOps
{
    internal static readonly long[] ToNchw = [0, 3, 1, 2];
    internal static readonly long[] ToNhwc = [0, 2, 3, 1];

    public static void Register(Dictionary<string, OpConverter> ops)
    {
        ops["Conv2D"] = (n, c) => Conv(n, c, depthwise: false);
        ops["_FusedConv2D"] = (n, c) => Conv(n, c, depthwise: false);
        ops["DepthwiseConv2dNative"] = (n, c) => Conv(n, c, depthwise: true);
        ops["FusedDepthwiseConv2dNative"] = (n, c) => Conv(n, c, depthwise: true);
        ops["MaxPool"] = (n, c) => Pool(n, c, "MaxPool");
        ops["AvgPool"] = (n, c) => Pool(n, c, "AveragePool");
        ops["ResizeBilinear"] = (n, c) => Resize(n, c, "linear");
        ops["ResizeNearestNeighbor"] = (n, c) => Resize(n, c, "nearest");
        ops["Conv2DBackpropInput"] = TransposedConvolution.Convert;
        ops["BiasAdd"] = (n, c) => ElementwiseOps.Same(n, c, "Add", [c.In(n, 0), c.In(n, 1)]);
    }

    private static void Conv(TfjsNode n, ConversionContext c, bool depthwise)
    {
        RequireNhwc(n);
        var filter = c.Constant(n, 1) ?? throw new NotSupportedException(
            $"{n.Op} {n.Name}: the filter must be a constant.");
        var (weights, group) = depthwise ? DepthwiseWeights(filter) : (ConvWeights(filter), 1L);
        var inputs = new List<string> { Transpose(c, c.In(n, 0), ToNchw, n.Name + "/nchw"),
            c.Builder.AddInitializer(weights, uniqueName: true) };

        var fused = n.Attrs.Strings("fused_ops");
        var activation = fused.Length > 0 && fused[0] == "BiasAdd" ? fused[1..] : fused;
        if (fused.Length > 0 && fused[0] == "BiasAdd")
            inputs.Add(c.In(n, 2));
        else if (fused.Length > 0)
            throw new NotSupportedException(
                $"{n.Op} {n.Name}: fused ops [{string.Join(',', fused)}] are not supported.");

        var strides = n.Attrs.Ints("strides");
        var dilations = n.Attrs.Ints("dilations");
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("kernel_shape", [filter.Dims[0], filter.Dims[1]]),
            OnnxAttribute.Of("strides", Spatial(strides)),
            OnnxAttribute.Of("dilations", Spatial(dilations)),
            OnnxAttribute.Of("group", group),
        };
        attributes.AddRange(Padding(n));
        var conv = c.Node("Conv", n.Name + "/conv", inputs, [.. attributes]);
        var activated = activation.Length switch
        {
            0 => conv,
            1 => Activation(n, c, activation[0], conv),
            _ =>
                throw new NotSupportedException(
                    $"{n.Op} {n.Name}: fused ops [{string.Join(',', fused)}] are not supported."),
        };
        c.Bind(n, Transpose(c, activated, ToNhwc, n.Name), OnnxDataType.Float);
    }

    private static string Activation(TfjsNode n, ConversionContext c, string op, string x) => op switch
    {
        "Relu" => c.Node("Relu", n.Name + "/relu", [x]),
        "Relu6" => c.Node("Clip", n.Name + "/relu6", [x, c.Scalar(n.Name + "/min", 0f), c.Scalar(n.Name + "/max", 6f)]),
        "Elu" => c.Node("Elu", n.Name + "/elu", [x]),
        "Sigmoid" => c.Node("Sigmoid", n.Name + "/sigmoid", [x]),
        "Tanh" => c.Node("Tanh", n.Name + "/tanh", [x]),
        "LeakyRelu" => c.Node("LeakyRelu", n.Name + "/leakyrelu", [x],
            OnnxAttribute.Of("alpha", n.Attrs.Float("leakyrelu_alpha", 0.2f))),
        _ => throw new NotSupportedException($"{n.Op} {n.Name}: fused activation {op} is not supported."),
    };

    /// <summary>TF Conv2D filter [kh, kw, in, out] -> ONNX [out, in, kh, kw].</summary>
    private static OnnxTensor ConvWeights(OnnxTensor filter)
    {
        var (kh, kw, ci, co) = Dims4(filter);
        var src = filter.ToFloats();
        var dst = new float[src.Length];
        for (var y = 0; y < kh; y++)
            for (var x = 0; x < kw; x++)
                for (var i = 0; i < ci; i++)
                    for (var o = 0; o < co; o++)
                        dst[(((o * ci) + i) * kh + y) * kw + x] = src[(((y * kw) + x) * ci + i) * co + o];
        return OnnxTensor.FromFloats(filter.Name + "/oihw", dst, co, ci, kh, kw);
    }

    /// <summary>TF depthwise filter [kh, kw, in, mult] -> ONNX grouped conv [in*mult, 1, kh, kw], group = in. TF orders
    /// depthwise output channels as in*mult + m, which is ONNX's grouped-conv order too.</summary>
    private static (OnnxTensor Weights, long Group) DepthwiseWeights(OnnxTensor filter)
    {
        var (kh, kw, ci, mult) = Dims4(filter);
        var src = filter.ToFloats();
        var dst = new float[src.Length];
        for (var y = 0; y < kh; y++)
            for (var x = 0; x < kw; x++)
                for (var i = 0; i < ci; i++)
                    for (var m = 0; m < mult; m++)
                        dst[((i * mult) + m) * kh * kw + (y * kw) + x] = src[(((y * kw) + x) * ci + i) * mult + m];
        return (OnnxTensor.FromFloats(filter.Name + "/oihw", dst, (long)ci * mult, 1, kh, kw), ci);
    }

    private static void Pool(TfjsNode n, ConversionContext c, string op)
    {
        RequireNhwc(n);
        var k = n.Attrs.Ints("ksize");
        var s = n.Attrs.Ints("strides");
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("kernel_shape", [k[1], k[2]]),
            OnnxAttribute.Of("strides", [s[1], s[2]]),
        };
        attributes.AddRange(Padding(n));
        // AveragePool: count_include_pad defaults to 0, matching TF's SAME average pooling which divides by the number
        // of real (unpadded) inputs under the window.
        var pooled = c.Node(op, n.Name + "/pool", [Transpose(c, c.In(n, 0), ToNchw, n.Name + "/nchw")],
            [.. attributes]);
        c.Bind(n, Transpose(c, pooled, ToNhwc, n.Name), c.TypeOf(n, 0));
    }

    /// <summary>
    /// TF ResizeBilinear/NearestNeighbor(images NHWC, size int32[2]); ONNX Resize works on NHWC directly given 4-D
    /// sizes. Coordinate mapping: align_corners -> "align_corners" (x_in = x_out*(in-1)/(out-1)); half_pixel_centers ->
    /// "half_pixel" (x_in = (x_out+0.5)*in/out - 0.5, clamped at 0 as TF does); neither ->
    /// "asymmetric" (x_in = x_out*in/out), TF's legacy mapping. For nearest with half-pixel centers TF floors
    /// (x_out+0.5)*in/out, which is ONNX's "tf_half_pixel_for_nn" with nearest_mode floor.
    /// </summary>
    private static void Resize(TfjsNode n, ConversionContext c, string mode)
    {
        var alignCorners = n.Attrs.Bool("align_corners");
        var halfPixel = n.Attrs.Bool("half_pixel_centers");
        var transform = alignCorners ? "align_corners"
            : halfPixel ? (mode == "linear" ? "half_pixel" : "tf_half_pixel_for_nn")
            : "asymmetric";
        // Full NHWC sizes [N, newH, newW, C]: ONNX Runtime's transpose optimiser permutes a 4-element sizes input when
        // it moves layout transposes through Resize, but mishandles Resize's axes attribute.
        var shape = c.Node("Shape", n.Name + "/shape", [c.In(n, 0)]);
        var sizes = c.Node("Concat", n.Name + "/sizes", [
            c.Node("Slice", n.Name + "/batch", [shape, c.Int64s(n.Name + "/s0", 0), c.Int64s(n.Name + "/e1", 1)]),
            c.ToInt64(c.In(n, 1), n.Name + "/hw"),
            c.Node("Slice", n.Name + "/channels", [shape, c.Int64s(n.Name + "/s3", 3), c.Int64s(n.Name + "/e4", 4)])],
            OnnxAttribute.Of("axis", 0L));
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("mode", mode),
            OnnxAttribute.Of("coordinate_transformation_mode", transform),
        };
        if (mode == "nearest")
            attributes.Add(OnnxAttribute.Of("nearest_mode", alignCorners ? "round_prefer_ceil" : "floor"));
        var resized = c.Node("Resize", n.Name, [c.In(n, 0), "", "", sizes], [.. attributes]);
        c.Bind(n, resized, c.TypeOf(n, 0));
    }

    /// <summary>
    /// TF SAME pads (total = max((out-1)*stride + k - in, 0)) with the odd pixel at the end: ONNX SAME_UPPER.
    /// </summary>
    private static IEnumerable<OnnxAttribute> Padding(TfjsNode n)
    {
        var padding = n.Attrs.String("padding");
        return padding switch
        {
            "SAME" => [OnnxAttribute.Of("auto_pad", "SAME_UPPER")],
            "VALID" => [OnnxAttribute.Of("auto_pad", "VALID")],
            "EXPLICIT" => [OnnxAttribute.Of("pads", ExplicitPads(n.Attrs.Ints("explicit_paddings")))],
            _ => throw new NotSupportedException($"{n.Op} {n.Name}: padding {padding} is not supported."),
        };
    }

    /// <summary>
    /// TF explicit_paddings: (before, after) per NHWC dimension; ONNX pads: [top, left, bottom, right].
    /// </summary>
    private static long[] ExplicitPads(long[] p) => [p[2], p[4], p[3], p[5]];

    internal static string Transpose(ConversionContext c, string x, long[] perm, string name) =>
        c.Node("Transpose", name, [x], OnnxAttribute.Of("perm", perm));

    /// <summary>H and W of an NHWC attribute list such as strides [1, sh, sw, 1]; 1 when absent.</summary>
    private static long[] Spatial(long[] nhwc) => nhwc.Length == 4 ? [nhwc[1], nhwc[2]] : [1, 1];

    internal static void RequireNhwc(TfjsNode n)
    {
        var format = n.Attrs.String("data_format", "NHWC");
        if (format != "NHWC")
            throw new NotSupportedException($"{n.Op} {n.Name}: data_format {format} is not supported.");
    }

    internal static (int, int, int, int) Dims4(OnnxTensor t) =>
        t.Dims.Count == 4 ? ((int)t.Dims[0], (int)t.Dims[1], (int)t.Dims[2], (int)t.Dims[3])
            : throw new NotSupportedException($"Filter {t.Name} has rank {t.Dims.Count}, expected 4.");
}
