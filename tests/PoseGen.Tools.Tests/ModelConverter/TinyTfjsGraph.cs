using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>
/// Writes a small TF.js graph model (model.json + one weight shard) in the format tfjs-converter produces: GraphDef
/// nodes as JSON with AttrValue in protobuf-JSON form, float weights quantised to float16 in the shard.
/// </summary>
internal sealed class TinyTfjsGraph
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _weights = [];
    private readonly MemoryStream _shard = new();
    private (string Name, string Dtype, long[] Shape) _input;

    public string Input(string name, string dtype, params long[] shape)
    {
        _input = (name, dtype, shape);
        _nodes.Add(new JsonObject
        {
            ["name"] = name,
            ["op"] = "Placeholder",
            ["attr"] = new JsonObject { ["dtype"] = Type(dtype), ["shape"] =
                new JsonObject { ["shape"] = Shape(shape) } },
        });
        return name;
    }

    public string ConstInt32(string name, int[] values, params long[] shape)
    {
        _shard.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        return Const(name, "int32", shape, null);
    }

    public string ConstFloat16(string name, float[] values, params long[] shape)
    {
        foreach (var v in values)
            _shard.Write(BitConverter.GetBytes(BitConverter.HalfToUInt16Bits((Half)v)));
        return Const(name, "float32", shape, new JsonObject { ["dtype"] = "float16", ["original_dtype"] = "float32" });
    }

    public string Op(string name, string op, string[] inputs, JsonObject? attrs = null)
    {
        _nodes.Add(new JsonObject
        {
            ["name"] = name,
            ["op"] = op,
            ["input"] = new JsonArray([.. inputs.Select(i => (JsonNode)i)]),
            ["attr"] = attrs ?? [],
        });
        return name;
    }

    /// <summary>
    /// Writes the model with <paramref name="output"/> as its signature output; returns model.json's path.
    /// </summary>
    public string Save(string directory, string output, string outputDtype, long[] outputShape)
    {
        Op("Identity", "Identity", [output], new JsonObject { ["T"] = Type(outputDtype) });
        File.WriteAllBytes(Path.Combine(directory, "tiny.bin"), _shard.ToArray());
        var model = new JsonObject
        {
            ["format"] = "graph-model",
            ["generatedBy"] = "PoseGen.Tools.Tests",
            ["convertedBy"] = "PoseGen.Tools.Tests",
            ["signature"] = new JsonObject
            {
                ["inputs"] = new JsonObject { [_input.Name + ":0"] = Spec(_input.Name, _input.Dtype, _input.Shape) },
                ["outputs"] = new JsonObject { ["Identity:0"] = Spec("Identity", outputDtype, outputShape) },
            },
            ["modelTopology"] = new JsonObject { ["node"] = _nodes, ["library"] = new JsonObject(),
                ["versions"] = new JsonObject() },
            ["weightsManifest"] = new JsonArray(new JsonObject { ["paths"] = new JsonArray("tiny.bin"),
                ["weights"] = _weights }),
        };
        var path = Path.Combine(directory, "model.json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }

    public static JsonObject Type(string dtype) => new() { ["type"] = dtype };

    public static JsonObject Int(long value) => new() { ["i"] =
        value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static JsonObject Bool(bool value) => new() { ["b"] = value };

    public static JsonObject Text(string value) => new() { ["s"] =
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) };

    public static JsonObject Ints(params long[] values) =>
        new() { ["list"] = new JsonObject { ["i"] = new JsonArray(
            [.. values.Select(v => (JsonNode)v.ToString(System.Globalization.CultureInfo.InvariantCulture))]) } };

    public static JsonObject Texts(params string[] values) =>
        new() { ["list"] = new JsonObject { ["s"] = new JsonArray(
            [.. values.Select(v => (JsonNode)Convert.ToBase64String(Encoding.UTF8.GetBytes(v)))]) } };

    private string Const(string name, string dtype, long[] shape, JsonObject? quantization)
    {
        var weight = new JsonObject { ["name"] = name, ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]),
            ["dtype"] = dtype };
        if (quantization is not null)
            weight["quantization"] = quantization;
        _weights.Add(weight);
        _nodes.Add(new JsonObject { ["name"] = name, ["op"] = "Const", ["attr"] = new JsonObject() });
        return name;
    }

    private static JsonObject Spec(string name, string dtype, long[] shape) =>
        new() { ["name"] = name + ":0", ["dtype"] = dtype, ["tensorShape"] = Shape(shape) };

    private static JsonObject Shape(long[] shape) =>
        new() { ["dim"] = new JsonArray([.. shape.Select(d => (JsonNode)new JsonObject { ["size"] =
            d.ToString(System.Globalization.CultureInfo.InvariantCulture) })]) };
}
