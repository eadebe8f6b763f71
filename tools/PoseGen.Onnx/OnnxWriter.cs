using Google.Protobuf;

namespace PoseGen.Onnx;

/// <summary>
/// Serialises <see cref="OnnxModel"/> as an ONNX ModelProto. Field numbers are those of onnx/onnx.proto; each message
/// is written into its own buffer first because protobuf prefixes nested messages with their length. Fields are written
/// in a fixed order and nothing time- or machine-dependent is included, so equal models give equal bytes.
/// </summary>
public static class OnnxWriter
{
    public static byte[] Write(OnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Message(o =>
        {
            Int64(o, 1, model.IrVersion);
            String(o, 2, model.ProducerName);
            String(o, 3, model.ProducerVersion);
            if (model.DocString.Length > 0)
                String(o, 6, model.DocString);
            Nested(o, 7, Graph(model.Graph));
            foreach (var opset in model.OpsetImports)
            {
                Nested(o, 8, Message(x =>
                {
                    if (opset.Domain.Length > 0)
                        String(x, 1, opset.Domain);
                    Int64(x, 2, opset.Version);
                }));
            }
            foreach (var (key, value) in model.Metadata)
                Nested(o, 14, Message(x => { String(x, 1, key); String(x, 2, value); }));
        });
    }

    public static void Write(OnnxModel model, string path) => File.WriteAllBytes(path, Write(model));

    private static byte[] Graph(OnnxGraph graph) => Message(o =>
    {
        foreach (var node in graph.Nodes)
            Nested(o, 1, Node(node));
        String(o, 2, graph.Name);
        foreach (var tensor in graph.Initializers)
            Nested(o, 5, Tensor(tensor));
        foreach (var input in graph.Inputs)
            Nested(o, 11, ValueInfo(input));
        foreach (var output in graph.Outputs)
            Nested(o, 12, ValueInfo(output));
    });

    private static byte[] Node(OnnxNode node) => Message(o =>
    {
        foreach (var input in node.Inputs)
            String(o, 1, input);
        foreach (var output in node.Outputs)
            String(o, 2, output);
        if (node.Name.Length > 0)
            String(o, 3, node.Name);
        String(o, 4, node.OpType);
        foreach (var attribute in node.Attributes)
            Nested(o, 5, Attribute(attribute));
        if (node.Domain.Length > 0)
            String(o, 7, node.Domain);
    });

    private static byte[] Attribute(OnnxAttribute a) => Message(o =>
    {
        String(o, 1, a.Name);
        switch (a.Kind)
        {
            case OnnxAttributeKind.Float:
                o.WriteTag(2, WireFormat.WireType.Fixed32);
                o.WriteFloat(a.F);
                break;
            case OnnxAttributeKind.Int:
                Int64(o, 3, a.I);
                break;
            case OnnxAttributeKind.String:
                Bytes(o, 4, a.S);
                break;
            case OnnxAttributeKind.Tensor:
                Nested(o, 5, Tensor(a.T ?? throw new InvalidOperationException($"Attribute {a.Name} has no tensor.")));
                break;
            case OnnxAttributeKind.Floats:
                foreach (var f in a.Floats)
                {
                    o.WriteTag(7, WireFormat.WireType.Fixed32);
                    o.WriteFloat(f);
                }
                break;
            case OnnxAttributeKind.Ints:
                foreach (var i in a.Ints)
                    Int64(o, 8, i);
                break;
            case OnnxAttributeKind.Strings:
                foreach (var s in a.Strings)
                    Bytes(o, 9, s);
                break;
            default:
                throw new NotSupportedException($"Attribute kind {a.Kind} is not written.");
        }
        Int64(o, 20, (long)a.Kind);
    });

    private static byte[] Tensor(OnnxTensor t) => Message(o =>
    {
        foreach (var d in t.Dims)
            Int64(o, 1, d);
        Int64(o, 2, (long)t.DataType);
        String(o, 8, t.Name);
        Bytes(o, 9, t.RawData);
    });

    private static byte[] ValueInfo(OnnxValueInfo v) => Message(o =>
    {
        String(o, 1, v.Name);
        // TypeProto { tensor_type = 1: TypeProto.Tensor { elem_type = 1, shape = 2: TensorShapeProto { dim = 1 } } }
        var tensorType = Message(t =>
        {
            Int64(t, 1, (long)v.ElementType);
            if (v.Shape is { } shape)
            {
                Nested(t, 2, Message(s =>
                {
                    foreach (var dim in shape)
                    {
                        Nested(s, 1, Message(d =>
                        {
                            if (dim.Value is { } value)
                                Int64(d, 1, value);
                            else if (dim.Param is { } param)
                                String(d, 2, param);
                        }));
                    }
                }));
            }
        });
        Nested(o, 2, Message(t => Nested(t, 1, tensorType)));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }
        return buffer.ToArray();
    }

    private static void Nested(CodedOutputStream o, int field, byte[] message) => Bytes(o, field, message);

    private static void Bytes(CodedOutputStream o, int field, byte[] bytes)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
    }

    private static void String(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    private static void Int64(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }
}
