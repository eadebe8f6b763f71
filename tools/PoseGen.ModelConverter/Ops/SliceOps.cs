using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Ops;

/// <summary>TF slicing ops with constant bounds, as ONNX Slice plus Squeeze/Unsqueeze.</summary>
internal static class SliceOps
{
    // ONNX Slice clamps out-of-range bounds, so these stand for "to the end" in either direction.
    private const long ToEnd = long.MaxValue;
    private const long ToStart = long.MinValue;

    public static void Register(Dictionary<string, OpConverter> ops)
    {
        ops["StridedSlice"] = StridedSlice;
        ops["Slice"] = Slice;
    }

    /// <summary>
    /// TF StridedSlice semantics (tf.strided_slice docs): spec entry i either inserts a new axis (new_axis_mask), or
    /// takes index begin[i] and drops that axis (shrink_axis_mask), or slices begin:end:stride of the next input axis,
    /// where begin_mask / end_mask mean "from the start" / "to the end". Input axes after the spec are kept whole.
    /// Emitted as: Slice over the consumed input axes, Squeeze the shrunk axes, Unsqueeze the new ones at their output
    /// positions.
    /// </summary>
    private static void StridedSlice(TfjsNode n, ConversionContext c)
    {
        var begin = c.ConstInts(n, 1);
        var end = c.ConstInts(n, 2);
        var strides = c.ConstInts(n, 3);
        var (beginMask, endMask) = (n.Attrs.Int("begin_mask"), n.Attrs.Int("end_mask"));
        var (newAxisMask, shrinkMask) = (n.Attrs.Int("new_axis_mask"), n.Attrs.Int("shrink_axis_mask"));
        if (n.Attrs.Int("ellipsis_mask") != 0)
            throw new NotSupportedException($"StridedSlice {n.Name}: ellipsis_mask is not supported.");

        var (starts, ends, axes, steps, squeeze, unsqueeze) = (new List<long>(), new List<long>(), new List<long>(),
            new List<long>(), new List<long>(), new List<long>());
        long inputAxis = 0, outputAxis = 0;
        for (var i = 0; i < begin.Length; i++)
        {
            var bit = 1L << i;
            if ((newAxisMask & bit) != 0)
            {
                unsqueeze.Add(outputAxis++);
                continue;
            }
            var stride = strides[i];
            if ((shrinkMask & bit) != 0)
            {
                starts.Add(begin[i]);
                ends.Add(begin[i] == -1 ? ToEnd : begin[i] + 1);
                steps.Add(1);
                squeeze.Add(inputAxis);
            }
            else
            {
                starts.Add((beginMask & bit) != 0 ? (stride > 0 ? 0 : ToEnd) : begin[i]);
                ends.Add((endMask & bit) != 0 ? (stride > 0 ? ToEnd : ToStart) : end[i]);
                steps.Add(stride);
                outputAxis++;
            }
            axes.Add(inputAxis++);
        }

        var type = c.TypeOf(n, 0);
        var result = c.Node("Slice", n.Name + "/slice", [
            c.In(n, 0), c.Int64s(n.Name + "/starts", [.. starts]), c.Int64s(n.Name + "/ends", [.. ends]),
            c.Int64s(n.Name + "/axes", [.. axes]), c.Int64s(n.Name + "/steps", [.. steps])]);
        if (squeeze.Count > 0)
            result = c.Node("Squeeze", n.Name + "/squeeze", [result, c.Int64s(n.Name + "/squeeze_axes", [.. squeeze])]);
        if (unsqueeze.Count > 0)
            result = c.Node("Unsqueeze", n.Name + "/unsqueeze", [result,
                c.Int64s(n.Name + "/unsqueeze_axes", [.. unsqueeze])]);
        c.Bind(n, result, type);
    }

    /// <summary>TF Slice(input, begin, size) where size -1 means "to the end".</summary>
    private static void Slice(TfjsNode n, ConversionContext c)
    {
        var begin = c.ConstInts(n, 1);
        var size = c.ConstInts(n, 2);
        var ends = begin.Zip(size, (b, s) => s < 0 ? ToEnd : b + s).ToArray();
        var axes = Enumerable.Range(0, begin.Length).Select(i => (long)i).ToArray();
        var slice = c.Node("Slice", n.Name, [c.In(n, 0), c.Int64s(n.Name + "/starts", begin),
            c.Int64s(n.Name + "/ends", ends), c.Int64s(n.Name + "/axes", axes)]);
        c.Bind(n, slice, c.TypeOf(n, 0));
    }
}
