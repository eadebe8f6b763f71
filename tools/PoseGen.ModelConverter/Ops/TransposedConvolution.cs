using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>
/// TF Conv2DBackpropInput(input_sizes, filter, out_backprop) -> ONNX ConvTranspose. Both are the adjoint of the same
/// correlation, so the weights are only re-laid out, not flipped. Pads are computed here from the constant input_sizes
/// rather than left to ConvTranspose's auto_pad, whose SAME_UPPER/LOWER reading has differed between runtimes.
/// </summary>
internal static class TransposedConvolution
{
    public static void Convert(TfjsNode n, ConversionContext c)
    {
        ConvolutionOps.RequireNhwc(n);
        var sizes = c.Constant(n, 0) ?? throw new NotSupportedException(
            $"{n.Op} {n.Name}: input_sizes must be a constant.");
        var filter = c.Constant(n, 1) ?? throw new NotSupportedException(
            $"{n.Op} {n.Name}: the filter must be a constant.");
        var outSize = sizes.DataType == OnnxDataType.Int64 ? sizes.ToInt64s()
            : sizes.ToInt32s().Select(v => (long)v).ToArray();
        var strides = n.Attrs.Ints("strides");
        var dilations = n.Attrs.Ints("dilations");
        long[] s = strides.Length == 4 ? [strides[1], strides[2]] : [1, 1];
        long[] d = dilations.Length == 4 ? [dilations[1], dilations[2]] : [1, 1];
        var padding = n.Attrs.String("padding");
        if (padding is not ("SAME" or "VALID"))
            throw new NotSupportedException($"{n.Op} {n.Name}: padding {padding} is not supported.");

        var pads = new long[4];
        var outputPadding = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var size = outSize[axis + 1];
            var k = ((filter.Dims[axis] - 1) * d[axis]) + 1;
            // The forward conv's output length: SAME ceil(size/s), VALID ceil((size-k+1)/s). That is this op's input.
            var input = padding == "SAME" ? (size + s[axis] - 1) / s[axis] : (size - k + s[axis]) / s[axis];
            var total = (s[axis] * (input - 1)) + k - size;
            // TF SAME puts the odd padding pixel at the end (as Conv2D does); a negative total means TF's output is
            // longer than the kernel reaches, which ConvTranspose expresses as output_padding.
            pads[axis] = Math.Max(total, 0) / 2;
            pads[axis + 2] = Math.Max(total, 0) - pads[axis];
            outputPadding[axis] = Math.Max(-total, 0);
        }

        var weights = c.Builder.AddInitializer(Weights(filter), uniqueName: true);
        var conv = c.Node("ConvTranspose", n.Name + "/convtranspose",
            [ConvolutionOps.Transpose(c, c.In(n, 2), ConvolutionOps.ToNchw, n.Name + "/nchw"), weights],
            OnnxAttribute.Of("kernel_shape", [filter.Dims[0], filter.Dims[1]]),
            OnnxAttribute.Of("strides", s),
            OnnxAttribute.Of("dilations", d),
            OnnxAttribute.Of("pads", pads),
            OnnxAttribute.Of("output_padding", outputPadding));
        c.Bind(n, ConvolutionOps.Transpose(c, conv, ConvolutionOps.ToNhwc, n.Name), OnnxDataType.Float);
    }

    /// <summary>
    /// TF filter [kh, kw, out, in] (out = this op's result channels) -> ONNX ConvTranspose [in, out, kh, kw].
    /// </summary>
    private static OnnxTensor Weights(OnnxTensor filter)
    {
        var (kh, kw, co, ci) = ConvolutionOps.Dims4(filter);
        var src = filter.ToFloats();
        var dst = new float[src.Length];
        for (var y = 0; y < kh; y++)
            for (var x = 0; x < kw; x++)
                for (var o = 0; o < co; o++)
                    for (var i = 0; i < ci; i++)
                        dst[(((i * co) + o) * kh + y) * kw + x] = src[(((y * kw) + x) * co + o) * ci + i];
        return OnnxTensor.FromFloats(filter.Name + "/iohw", dst, ci, co, kh, kw);
    }
}
