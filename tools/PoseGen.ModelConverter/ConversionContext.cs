using PoseGen.ModelConverter.Tfjs;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter;

/// <summary>
/// State shared by the op converters: the ONNX graph under construction, which ONNX tensor stands for each TF output
/// ("node" or "node:1"), its element type, and the model's constants (materialised as initializers only when an op
/// uses them as tensors; axis-like constants are read at conversion time instead).
/// </summary>
internal sealed class ConversionContext(OnnxGraphBuilder builder, IReadOnlyDictionary<string, OnnxTensor> constants)
{
    private readonly Dictionary<string, string> _tensors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OnnxDataType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public OnnxGraphBuilder Builder => builder;

    /// <summary>ONNX tensor for input <paramref name="index"/> of <paramref name="node"/>.</summary>
    public string In(TfjsNode node, int index) => Tensor(node.Inputs[index]);

    public string Tensor(string tfRef)
    {
        var key = Key(tfRef);
        if (_tensors.TryGetValue(key, out var name))
            return name;
        if (ConstantOf(key) is { } constant)
        {
            var materialised = builder.AddInitializer(constant with { Name = key }, uniqueName: true);
            Bind(key, materialised, constant.DataType);
            return materialised;
        }
        throw new InvalidOperationException($"Tensor {tfRef} is used before it is produced.");
    }

    public OnnxDataType TypeOf(TfjsNode node, int index) => TypeOf(In(node, index));

    public OnnxDataType TypeOf(string onnxTensor) =>
        _types.TryGetValue(onnxTensor, out var t) ? t : throw new InvalidOperationException(
            $"Type of {onnxTensor} is unknown.");

    /// <summary>
    /// The constant behind input <paramref name="index"/>, following Identity nodes; null when computed.
    /// </summary>
    public OnnxTensor? Constant(TfjsNode node, int index) => ConstantOf(Key(node.Inputs[index]));

    public long[] ConstInts(TfjsNode node, int index)
    {
        var c = Constant(node, index)
            ?? throw new NotSupportedException($"{node.Op} {node.Name}: input {index} must be a constant.");
        return c.DataType switch
        {
            OnnxDataType.Int32 => [.. c.ToInt32s().Select(v => (long)v)],
            OnnxDataType.Int64 => c.ToInt64s(),
            _ =>
                throw new NotSupportedException(
                    $"{node.Op} {node.Name}: input {index} is {c.DataType}, not an integer."),
        };
    }

    public void Bind(TfjsNode node, string onnxTensor, OnnxDataType type, int outputIndex = 0) =>
        Bind(outputIndex == 0 ? node.Name : $"{node.Name}:{outputIndex}", onnxTensor, type);

    /// <summary>Makes a TF output another name for an existing tensor (Identity, StopGradient).</summary>
    public void Alias(TfjsNode node, int inputIndex)
    {
        var key = Key(node.Inputs[inputIndex]);
        _aliases[node.Name] = key;
        if (_tensors.TryGetValue(key, out var existing))
            Bind(node.Name, existing, _types[existing]);
    }

    public string Node(string op, string name, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        builder.AddNode(op, name, inputs, attributes);

    public IReadOnlyList<string> Node(string op, string name, IReadOnlyList<string> inputs, int outputs,
        params OnnxAttribute[] attributes) =>
        builder.AddNode(op, name, inputs, outputs, attributes);

    public string Int64s(string name, params long[] values) => builder.AddInt64s(name, values);

    public string Scalar(string name, float value) => builder.AddInitializer(name, [value]);

    /// <summary>Casts to int64 unless already int64 (ONNX wants int64 for shapes, axes, repeats and indices).</summary>
    public string ToInt64(string tensor, string name) =>
        TypeOf(tensor) == OnnxDataType.Int64 ? tensor : Cast(tensor, OnnxDataType.Int64, name);

    public string Cast(string tensor, OnnxDataType to, string name)
    {
        var cast = Node("Cast", name, [tensor], OnnxAttribute.Of("to", (long)to));
        SetType(cast, to);
        return cast;
    }

    public void SetType(string onnxTensor, OnnxDataType type) => _types[onnxTensor] = type;

    private void Bind(string key, string onnxTensor, OnnxDataType type)
    {
        _tensors[key] = onnxTensor;
        _types[onnxTensor] = type;
        foreach (var (alias, target) in _aliases)
        {
            if (target == key && !_tensors.ContainsKey(alias))
                Bind(alias, onnxTensor, type);
        }
    }

    private OnnxTensor? ConstantOf(string key)
    {
        while (_aliases.TryGetValue(key, out var target))
            key = target;
        return constants.TryGetValue(key, out var c) ? c : null;
    }

    private static string Key(string tfRef) => tfRef.EndsWith(":0", StringComparison.Ordinal) ? tfRef[..^2] : tfRef;
}
