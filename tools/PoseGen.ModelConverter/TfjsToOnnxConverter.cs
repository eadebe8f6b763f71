using PoseGen.ModelConverter.Ops;
using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter;

/// <summary>
/// Converts a TF.js graph model to an ONNX model: the nodes the signature outputs depend on, in dependency order, each
/// through its <see cref="OpConverter"/>. Inputs take the signature's shape (a placeholder declared [1,-1,-1,3] whose
/// signature says [1,256,256,3] becomes fixed, which lets ONNX Runtime fold the shape arithmetic) unless the sizes are
/// asked to stay free; remaining unknown sizes become symbolic dimensions. The result is deterministic: same source,
/// same bytes.
/// </summary>
internal static class TfjsToOnnxConverter
{
    public const long Opset = 18;

    /// <param name="freeInputSize">Keep the placeholder's free sizes (a graph run at several sizes).</param>
    public static OnnxModel Convert(TfjsGraphModel model, string graphName, bool freeInputSize = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var byName = model.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var outputs = model.Outputs.Count > 0
            ? model.Outputs
            : throw new NotSupportedException("The model has no signature outputs.");
        var order = DependencyOrder(outputs.Select(o => o.Name), byName);

        var unsupported = order.Where(n => n.Op is not ("Placeholder" or "Const") && !OpRegistry.All.ContainsKey(n.Op))
            .Select(n => n.Op).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unsupported.Count > 0)
            throw new NotSupportedException($"Unsupported TF ops: {string.Join(", ", unsupported)}.");

        var builder = new OnnxGraphBuilder(graphName, Opset);
        var ctx = new ConversionContext(builder, model.Weights);
        foreach (var node in order)
        {
            switch (node.Op)
            {
                case "Placeholder":
                    AddInput(node, model, freeInputSize, builder, ctx);
                    break;
                case "Const":
                    if (!model.Weights.ContainsKey(node.Name))
                        throw new NotSupportedException($"Const {node.Name} has no value in the weights manifest.");
                    break;
                default:
                    OpRegistry.All[node.Op](node, ctx);
                    break;
            }
        }

        foreach (var output in outputs)
        {
            var tensor = ctx.Tensor(output.Name);
            // A node may already produce a tensor of the output's name (selfie's Sigmoid "activation_10").
            if (tensor != output.Name)
                builder.AddNodeWithOutputs("Identity", [tensor], [output.Name]);
            builder.AddOutput(output.Name, output.Type, Dimensions(output.Shape, output.Name));
        }
        return builder.Build($"Converted by PoseGen.ModelConverter from a TF.js graph model ({graphName}).");
    }

    private static void AddInput(TfjsNode node, TfjsGraphModel model, bool freeInputSize, OnnxGraphBuilder builder,
        ConversionContext ctx)
    {
        var spec = model.Inputs.FirstOrDefault(i => i.Name == node.Name);
        var type = spec?.Type ?? node.Attrs.Type("dtype") ?? throw new NotSupportedException(
            $"Placeholder {node.Name} has no dtype.");
        var declared = node.Attrs.Shape("shape");
        var shape = !(freeInputSize && declared is not null) && spec?.Shape is { Length: > 0 } s && s.All(d => d > 0)
            ? s
            : declared ?? spec?.Shape ?? [];
        builder.AddInput(node.Name, type, [.. Dimensions(shape, node.Name)]);
        ctx.Bind(node, node.Name, type);
    }

    private static OnnxDimension[] Dimensions(long[] shape, string name) =>
        [.. shape.Select((d, i) => d >= 0 ? new OnnxDimension(d) : OnnxDimension.Symbolic($"{name}_dim{i}"))];

    /// <summary>Depth-first post-order from the outputs: every node after its inputs, unused nodes left out.</summary>
    private static List<TfjsNode> DependencyOrder(IEnumerable<string> outputs, Dictionary<string, TfjsNode> byName)
    {
        var order = new List<TfjsNode>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var stack = new Stack<(TfjsNode Node, int Next)>();
        foreach (var output in outputs)
        {
            Push(output);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    Push(node.Inputs[next]);
                    continue;
                }
                state[node.Name] = true;
                order.Add(node);
            }
        }
        return order;

        void Push(string input)
        {
            var name = input.Split(':')[0];
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                    throw new InvalidDataException($"The graph has a cycle through {name}.");
                return;
            }
            var node = byName.TryGetValue(name, out var n) ? n : throw new InvalidDataException(
                $"Node {name} is not in the graph.");
            state[name] = false;
            stack.Push((node, 0));
        }
    }
}
