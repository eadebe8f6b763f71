using Google.Protobuf;

namespace PoseGen.Onnx;

/// <summary>
/// Reads the ModelProto fields that <see cref="OnnxWriter"/> writes (and skips every other field), so tests can inspect
/// what the converter produced. Repeated scalars are accepted packed or unpacked, as protobuf requires of parsers.
/// </summary>
public static class OnnxReader
{
    public static OnnxModel Read(string path) => Read(File.ReadAllBytes(path));

    public static OnnxModel Read(byte[] bytes)
    {
        OnnxGraph? graph = null;
        var opsets = new List<OnnxOpsetImport>();
        var metadata = new List<KeyValuePair<string, string>>();
        long ir = 0;
        string producer = "", producerVersion = "", doc = "";
        Fields(bytes, (field, input, wire) =>
        {
            switch (field)
            {
                case 1: ir = input.ReadInt64(); break;
                case 2: producer = input.ReadString(); break;
                case 3: producerVersion = input.ReadString(); break;
                case 6: doc = input.ReadString(); break;
                case 7: graph = Graph(Sub(input)); break;
                case 8: opsets.Add(Opset(Sub(input))); break;
                case 14: metadata.Add(Entry(Sub(input))); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OnnxModel(graph ?? throw new InvalidDataException("ModelProto has no graph."), opsets)
        {
            IrVersion = ir, ProducerName = producer, ProducerVersion = producerVersion, DocString = doc,
            Metadata = metadata,
        };
    }

    private static OnnxOpsetImport Opset(byte[] bytes)
    {
        string domain = "";
        long version = 0;
        Fields(bytes, (field, input, wire) =>
        {
            if (field == 1) domain = input.ReadString();
            else if (field == 2) version = input.ReadInt64();
            else input.SkipLastField();
        });
        return new OnnxOpsetImport(domain, version);
    }

    private static KeyValuePair<string, string> Entry(byte[] bytes)
    {
        string key = "", value = "";
        Fields(bytes, (field, input, wire) =>
        {
            if (field == 1) key = input.ReadString();
            else if (field == 2) value = input.ReadString();
            else input.SkipLastField();
        });
        return new(key, value);
    }

    private static OnnxGraph Graph(byte[] bytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxTensor>();
        var inputs = new List<OnnxValueInfo>();
        var outputs = new List<OnnxValueInfo>();
        var name = "";
        Fields(bytes, (field, input, wire) =>
        {
            switch (field)
            {
                case 1: nodes.Add(Node(Sub(input))); break;
                case 2: name = input.ReadString(); break;
                case 5: initializers.Add(Tensor(Sub(input))); break;
                case 11: inputs.Add(ValueInfo(Sub(input))); break;
                case 12: outputs.Add(ValueInfo(Sub(input))); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OnnxGraph(name, nodes, initializers, inputs, outputs);
    }

    private static OnnxNode Node(byte[] bytes)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        string name = "", op = "", domain = "";
        Fields(bytes, (field, input, wire) =>
        {
            switch (field)
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 3: name = input.ReadString(); break;
                case 4: op = input.ReadString(); break;
                case 5: attributes.Add(Attribute(Sub(input))); break;
                case 7: domain = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OnnxNode(op, name, inputs, outputs, attributes, domain);
    }

    private static OnnxAttribute Attribute(byte[] bytes)
    {
        string name = "";
        var kind = OnnxAttributeKind.Undefined;
        float f = 0;
        long i = 0;
        byte[] s = [];
        OnnxTensor? t = null;
        var floats = new List<float>();
        var ints = new List<long>();
        var strings = new List<byte[]>();
        Fields(bytes, (field, input, wire) =>
        {
            switch (field)
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: i = input.ReadInt64(); break;
                case 4: s = input.ReadBytes().ToByteArray(); break;
                case 5: t = Tensor(Sub(input)); break;
                case 7: Repeated(input, wire, floats, x => x.ReadFloat()); break;
                case 8: Repeated(input, wire, ints, x => x.ReadInt64()); break;
                case 9: strings.Add(input.ReadBytes().ToByteArray()); break;
                case 20: kind = (OnnxAttributeKind)input.ReadInt32(); break;
                default: input.SkipLastField(); break;
            }
        });
        return new OnnxAttribute(name, kind) { F = f, I = i, S = s, T = t, Floats = floats, Ints = ints,
            Strings = strings };
    }

    private static OnnxTensor Tensor(byte[] bytes)
    {
        var dims = new List<long>();
        var type = OnnxDataType.Undefined;
        string name = "";
        byte[] raw = [];
        var floats = new List<float>();
        var int32s = new List<int>();
        var int64s = new List<long>();
        Fields(bytes, (field, input, wire) =>
        {
            switch (field)
            {
                case 1: Repeated(input, wire, dims, x => x.ReadInt64()); break;
                case 2: type = (OnnxDataType)input.ReadInt32(); break;
                case 4: Repeated(input, wire, floats, x => x.ReadFloat()); break;
                case 5: Repeated(input, wire, int32s, x => x.ReadInt32()); break;
                case 7: Repeated(input, wire, int64s, x => x.ReadInt64()); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes().ToByteArray(); break;
                default: input.SkipLastField(); break;
            }
        });
        // Writers other than ours may use the typed fields instead of raw_data.
        if (raw.Length == 0 && floats.Count > 0)
            return OnnxTensor.FromFloats(name, floats.ToArray(), [.. dims]);
        if (raw.Length == 0 && int64s.Count > 0)
            return OnnxTensor.FromInt64s(name, int64s.ToArray(), [.. dims]);
        if (raw.Length == 0 && int32s.Count > 0 && type == OnnxDataType.Int32)
            return OnnxTensor.FromInt32s(name, int32s.ToArray(), [.. dims]);
        return new OnnxTensor(name, type, dims, raw);
    }

    private static OnnxValueInfo ValueInfo(byte[] bytes)
    {
        string name = "";
        var type = OnnxDataType.Undefined;
        List<OnnxDimension>? shape = null;
        Fields(bytes, (field, input, wire) =>
        {
            if (field == 1) { name = input.ReadString(); return; }
            if (field != 2) { input.SkipLastField(); return; }
            Fields(Sub(input), (typeField, typeInput, wire) =>
            {
                if (typeField != 1) { typeInput.SkipLastField(); return; }
                Fields(Sub(typeInput), (tensorField, tensorInput, wire) =>
                {
                    if (tensorField == 1) type = (OnnxDataType)tensorInput.ReadInt32();
                    else if (tensorField == 2) shape = Shape(Sub(tensorInput));
                    else tensorInput.SkipLastField();
                });
            });
        });
        return new OnnxValueInfo(name, type, shape);
    }

    private static List<OnnxDimension> Shape(byte[] bytes)
    {
        var dims = new List<OnnxDimension>();
        Fields(bytes, (field, input, wire) =>
        {
            if (field != 1) { input.SkipLastField(); return; }
            long? value = null;
            string? param = null;
            Fields(Sub(input), (dimField, dimInput, wire) =>
            {
                if (dimField == 1) value = dimInput.ReadInt64();
                else if (dimField == 2) param = dimInput.ReadString();
                else dimInput.SkipLastField();
            });
            dims.Add(new OnnxDimension(value, param));
        });
        return dims;
    }

    private static void Repeated<T>(CodedInputStream input, WireFormat.WireType wire, List<T> into,
        Func<CodedInputStream, T> read)
    {
        if (wire != WireFormat.WireType.LengthDelimited)
        {
            into.Add(read(input));
            return;
        }
        var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
        while (!packed.IsAtEnd)
            into.Add(read(packed));
    }

    private static byte[] Sub(CodedInputStream input) => input.ReadBytes().ToByteArray();

    private static void Fields(byte[] bytes, Action<int, CodedInputStream, WireFormat.WireType> onField)
    {
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
            onField(WireFormat.GetTagFieldNumber(tag), input, WireFormat.GetTagWireType(tag));
    }
}
