using System.Buffers.Binary;
using System.Text.Json;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Tfjs;

internal sealed record TfjsNode(string Name, string Op, IReadOnlyList<string> Inputs, TfjsAttrs Attrs);

/// <summary>A signature tensor: name without the ":0" suffix, type, and shape (-1 where unknown).</summary>
internal sealed record TfjsTensorSpec(string Name, OnnxDataType Type, long[] Shape);

/// <summary>
/// A TF.js graph model: model.json ("format": "graph-model") holds the GraphDef as JSON under modelTopology and a
/// weightsManifest whose groups list binary shard files (read in order, concatenated) and the weights packed in them.
/// Quantised weights are dequantised to their original float32 here, exactly as tfjs-converter's decodeWeights does.
/// </summary>
internal sealed record TfjsGraphModel(
    IReadOnlyList<TfjsNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Weights,
    IReadOnlyList<TfjsTensorSpec> Inputs,
    IReadOnlyList<TfjsTensorSpec> Outputs)
{
    public static TfjsGraphModel Load(string modelJsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        var root = json.RootElement;
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        var topology = root.GetProperty("modelTopology");
        var nodes = topology.GetProperty("node").EnumerateArray().Select(ParseNode).ToList();
        var weights = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("weightsManifest").EnumerateArray())
            ReadGroup(group, directory, weights);
        var signature = root.TryGetProperty("signature", out var s) ? s : default;
        return new TfjsGraphModel(nodes, weights, Specs(signature, "inputs"), Specs(signature, "outputs"));
    }

    private static TfjsNode ParseNode(JsonElement n)
    {
        var inputs = n.TryGetProperty("input", out var i)
            ? i.EnumerateArray().Select(x => x.GetString()!).Where(x => !x.StartsWith('^')).ToList()
            : [];
        var attrs = n.TryGetProperty("attr", out var a) ? a.Clone() : (JsonElement?)null;
        return new TfjsNode(n.GetProperty("name").GetString()!, n.GetProperty("op").GetString()!, inputs,
            new TfjsAttrs(attrs));
    }

    private static List<TfjsTensorSpec> Specs(JsonElement signature, string kind)
    {
        if (signature.ValueKind != JsonValueKind.Object || !signature.TryGetProperty(kind, out var specs))
            return [];
        return [.. specs.EnumerateObject().Select(p =>
        {
            var name = p.Value.GetProperty("name").GetString()!;
            var dims = p.Value.TryGetProperty("tensorShape", out var shape) && shape.TryGetProperty("dim", out var d)
                ? d.EnumerateArray().Select(x => x.TryGetProperty("size", out var size) ? TfjsAttrs.ParseLong(size)
                    : -1).ToArray()
                : [];
            return new TfjsTensorSpec(StripIndex(name), TfjsTypes.ToOnnx(p.Value.GetProperty("dtype").GetString()!),
                dims);
        })];
    }

    public static string StripIndex(string name) => name.EndsWith(":0", StringComparison.Ordinal) ? name[..^2] : name;

    private static void ReadGroup(JsonElement group, string directory, Dictionary<string, OnnxTensor> into)
    {
        var data = group.GetProperty("paths").EnumerateArray()
            .SelectMany(p => File.ReadAllBytes(Path.Combine(directory, p.GetString()!))).ToArray();
        var offset = 0;
        foreach (var w in group.GetProperty("weights").EnumerateArray())
        {
            var name = w.GetProperty("name").GetString()!;
            var dims = w.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
            var count = checked((int)dims.Aggregate(1L, (a, b) => a * b));
            var type = TfjsTypes.FromManifest(w.GetProperty("dtype").GetString()!);
            byte[] raw;
            if (w.TryGetProperty("quantization", out var q))
                (raw, offset) = Dequantize(q, type, data, offset, count, name);
            else
            {
                var size = count * (type == OnnxDataType.Bool ? 1 : 4);
                raw = data.AsSpan(offset, size).ToArray();
                offset += size;
            }
            into[name] = new OnnxTensor(name, type, dims, raw);
        }
        if (offset != data.Length)
            throw new InvalidDataException($"Weight shards hold {data.Length} bytes, the manifest describes {offset}.");
    }

    /// <summary>
    /// float16: IEEE half values widened to float32. uint8/uint16 affine: value = q * scale + min (tfjs-converter's
    /// weight quantisation). Returns float32 (or int32 when the original dtype was int32) raw bytes and the new offset.
    /// </summary>
    private static (byte[] Raw, int Offset) Dequantize(
        JsonElement q, OnnxDataType type, byte[] data, int offset, int count, string name)
    {
        var qtype = q.GetProperty("dtype").GetString();
        var values = new float[count];
        switch (qtype)
        {
            case "float16":
                for (var i = 0; i < count; i++)
                    values[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(
                        data.AsSpan(offset + (2 * i))));
                offset += 2 * count;
                break;
            case "uint8" or "uint16":
                var min = q.GetProperty("min").GetSingle();
                var scale = q.GetProperty("scale").GetSingle();
                var width = qtype == "uint8" ? 1 : 2;
                for (var i = 0; i < count; i++)
                {
                    var raw = width == 1 ? data[offset + i] : BinaryPrimitives.ReadUInt16LittleEndian(
                        data.AsSpan(offset + (2 * i)));
                    values[i] = (raw * scale) + min;
                }
                offset += width * count;
                break;
            default:
                throw new NotSupportedException($"Weight {name}: quantisation {qtype} is not supported.");
        }
        if (type == OnnxDataType.Int32)
        {
            var ints = values.Select(v => (int)MathF.Round(v)).ToArray();
            return (OnnxTensor.FromInt32s(name, ints, count).RawData, offset);
        }
        return (OnnxTensor.FromFloats(name, values, count).RawData, offset);
    }
}
