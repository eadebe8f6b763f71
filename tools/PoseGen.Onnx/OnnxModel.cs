namespace PoseGen.Onnx;

/// <summary>Element types, numbered as TensorProto.DataType in onnx.proto.</summary>
public enum OnnxDataType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
}

/// <summary>Attribute kinds, numbered as AttributeProto.AttributeType in onnx.proto.</summary>
public enum OnnxAttributeKind
{
    Undefined = 0,
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Floats = 6,
    Ints = 7,
    Strings = 8,
}

/// <summary>One dimension of a declared shape: a fixed size, or a symbolic name, or neither (unknown).</summary>
public readonly record struct OnnxDimension(long? Value, string? Param = null)
{
    public static implicit operator OnnxDimension(long value) => new(value);

    public static OnnxDimension Symbolic(string name) => new(null, name);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param
        ?? "?";
}

public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, IReadOnlyList<OnnxDimension>? Shape);

public sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind)
{
    public float F { get; init; }
    public long I { get; init; }
    public byte[] S { get; init; } = [];
    public OnnxTensor? T { get; init; }
    public IReadOnlyList<float> Floats { get; init; } = [];
    public IReadOnlyList<long> Ints { get; init; } = [];
    public IReadOnlyList<byte[]> Strings { get; init; } = [];

    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeKind.Int) { I = value };

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeKind.Float) { F = value };

    public static OnnxAttribute Of(string name, string value) =>
        new(name, OnnxAttributeKind.String) { S = System.Text.Encoding.UTF8.GetBytes(value) };

    public static OnnxAttribute Of(string name, IReadOnlyList<long> values) =>
        new(name, OnnxAttributeKind.Ints) { Ints = values };

    public static OnnxAttribute Of(string name, IReadOnlyList<float> values) =>
        new(name, OnnxAttributeKind.Floats) { Floats = values };

    public static OnnxAttribute Of(string name, OnnxTensor value) => new(name, OnnxAttributeKind.Tensor) { T = value };

    public string StringValue => System.Text.Encoding.UTF8.GetString(S);
}

public sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes,
    string Domain = "")
{
    public OnnxAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);
}

public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

public sealed record OnnxOpsetImport(string Domain, long Version);

/// <summary>
/// The parts of ModelProto PoseGen writes. IR version 8 is the first that allows opset 18 (onnx/docs/Versioning.md).
/// </summary>
public sealed record OnnxModel(OnnxGraph Graph, IReadOnlyList<OnnxOpsetImport> OpsetImports)
{
    public long IrVersion { get; init; } = 8;
    public string ProducerName { get; init; } = "PoseGen";
    public string ProducerVersion { get; init; } = "1";
    public string DocString { get; init; } = "";
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];
}
