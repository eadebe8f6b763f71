using PoseGen.ModelConverter.Tfjs;

namespace PoseGen.ModelConverter.Ops;

/// <summary>Emits the ONNX nodes for one TF node and binds its outputs in the context.</summary>
internal delegate void OpConverter(TfjsNode node, ConversionContext ctx);

/// <summary>
/// All TF ops the converter knows, by TF op name. New model families add their ops in one of the groups.
/// </summary>
internal static class OpRegistry
{
    public static IReadOnlyDictionary<string, OpConverter> All { get; } = Build();

    private static Dictionary<string, OpConverter> Build()
    {
        var ops = new Dictionary<string, OpConverter>(StringComparer.Ordinal);
        ElementwiseOps.Register(ops);
        ConvolutionOps.Register(ops);
        ShapeOps.Register(ops);
        SliceOps.Register(ops);
        ReductionOps.Register(ops);
        return ops;
    }
}
