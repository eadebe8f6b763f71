namespace PoseGen.Onnx;

/// <summary>
/// Builds an ONNX graph node by node. Names of intermediate tensors are made unique by the builder; graph inputs,
/// outputs and initializers keep the names they are given. Default opset 18 (Resize with axes, Split num_outputs,
/// ReduceMax with axes as an input).
/// </summary>
public sealed class OnnxGraphBuilder(string graphName = "graph", long opset = 18)
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public long Opset => opset;

    public string AddInput(string name, OnnxDataType type, params OnnxDimension[] shape)
    {
        Claim(name);
        _inputs.Add(new OnnxValueInfo(name, type, shape));
        return name;
    }

    /// <summary>
    /// Declares <paramref name="name"/> (an existing tensor) as a graph output; null shape means unknown.
    /// </summary>
    public void AddOutput(string name, OnnxDataType type, IReadOnlyList<OnnxDimension>? shape = null) =>
        _outputs.Add(new OnnxValueInfo(name, type, shape));

    /// <summary>
    /// Adds a constant under its own name, or with <paramref name="uniqueName"/> under a free variant of it.
    /// </summary>
    public string AddInitializer(OnnxTensor tensor, bool uniqueName = false)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (uniqueName)
            tensor = tensor with { Name = UniqueName(tensor.Name) };
        else
            Claim(tensor.Name);
        _initializers.Add(tensor);
        return tensor.Name;
    }

    public string AddInitializer(string name, ReadOnlySpan<float> values, params long[] dims) =>
        AddInitializer(OnnxTensor.FromFloats(name, values, dims), uniqueName: true);

    public string AddInitializer(string name, ReadOnlySpan<long> values, params long[] dims) =>
        AddInitializer(OnnxTensor.FromInt64s(name, values, dims), uniqueName: true);

    public string AddInitializer(string name, ReadOnlySpan<int> values, params long[] dims) =>
        AddInitializer(OnnxTensor.FromInt32s(name, values, dims), uniqueName: true);

    /// <summary>A 1-D int64 constant (axes, shapes, pads), the form ONNX wants for shape-like inputs.</summary>
    public string AddInt64s(string name, params long[] values) => AddInitializer(name, values, values.Length);

    /// <summary>Adds a node with one output, named after <paramref name="name"/>; returns the output name.</summary>
    public string AddNode(string opType, string name, IReadOnlyList<string> inputs,
        params OnnxAttribute[] attributes) =>
        AddNode(opType, name, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputCount"/> outputs; returns their names.</summary>
    public IReadOnlyList<string> AddNode(
        string opType, string name, IReadOnlyList<string> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        var nodeName = UniqueName(name);
        var outputs = new string[outputCount];
        for (var i = 0; i < outputCount; i++)
            outputs[i] = i == 0 ? nodeName : UniqueName($"{nodeName}:{i}");
        _nodes.Add(new OnnxNode(opType, nodeName, inputs, outputs, attributes));
        return outputs;
    }

    /// <summary>Adds a node whose output tensor names are chosen by the caller (e.g. a graph output).</summary>
    public void AddNodeWithOutputs(
        string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        foreach (var output in outputs)
            Claim(output);
        _nodes.Add(new OnnxNode(opType, UniqueName(outputs[0] + "/" + opType), inputs, outputs, attributes));
    }

    /// <summary>Returns <paramref name="name"/>, or it with a numeric suffix when already used.</summary>
    public string UniqueName(string name)
    {
        var candidate = name;
        for (var i = 1; !_names.Add(candidate); i++)
            candidate = $"{name}_{i}";
        return candidate;
    }

    public OnnxModel Build(string docString = "") =>
        new(new OnnxGraph(graphName, [.. _nodes], [.. _initializers], [.. _inputs], [.. _outputs]),
            [new OnnxOpsetImport("", opset)])
        {
            DocString = docString,
        };

    public byte[] ToBytes(string docString = "") => OnnxWriter.Write(Build(docString));

    private void Claim(string name)
    {
        if (!_names.Add(name))
            throw new ArgumentException($"Tensor name '{name}' is already used in this graph.", nameof(name));
    }
}
