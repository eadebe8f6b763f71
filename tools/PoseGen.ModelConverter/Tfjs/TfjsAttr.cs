using System.Globalization;
using System.Text;
using System.Text.Json;
using PoseGen.Onnx;

namespace PoseGen.ModelConverter.Tfjs;

/// <summary>
/// A node's attributes as the TF.js converter writes them: GraphDef AttrValue in protobuf JSON form, where int64 values
/// are strings and string values are base64.
/// </summary>
internal sealed class TfjsAttrs(JsonElement? attrs)
{
    public bool Has(string name) => Get(name) is not null;

    public long Int(string name, long fallback = 0) =>
        Get(name) is { } v && v.TryGetProperty("i", out var i) ? ParseLong(i) : fallback;

    public float Float(string name, float fallback = 0) =>
        Get(name) is { } v && v.TryGetProperty("f", out var f) ? ParseFloat(f) : fallback;

    public bool Bool(string name, bool fallback = false) =>
        Get(name) is { } v && v.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    public string String(string name, string fallback = "") =>
        Get(name) is { } v && v.TryGetProperty("s", out var s) ? Decode(s) : fallback;

    public OnnxDataType? Type(string name) =>
        Get(name) is { } v && v.TryGetProperty("type", out var t) ? TfjsTypes.ToOnnx(t.GetString() ?? "") : null;

    public long[] Ints(string name) =>
        List(name, "i") is { } list ? [.. list.EnumerateArray().Select(ParseLong)] : [];

    public string[] Strings(string name) =>
        List(name, "s") is { } list ? [.. list.EnumerateArray().Select(Decode)] : [];

    /// <summary>Dimensions of a "shape" attribute; -1 marks an unknown size. Null when there is no shape.</summary>
    public long[]? Shape(string name)
    {
        if (Get(name) is not { } v || !v.TryGetProperty("shape", out var shape))
            return null;
        if (!shape.TryGetProperty("dim", out var dims))
            return [];
        return [.. dims.EnumerateArray().Select(d => d.TryGetProperty("size", out var s) ? ParseLong(s) : -1)];
    }

    private JsonElement? Get(string name) =>
        attrs is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty(name, out var v) ? v : null;

    private JsonElement? List(string name, string kind) =>
        Get(name) is { } v && v.TryGetProperty("list", out var list) && list.TryGetProperty(kind, out var items) ? items
            : null;

    private static string Decode(JsonElement s) => Encoding.UTF8.GetString(
        Convert.FromBase64String(s.GetString() ?? ""));

    internal static long ParseLong(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt64();

    private static float ParseFloat(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? float.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetSingle();
}

internal static class TfjsTypes
{
    /// <summary>TensorFlow DataType names (types.proto) to ONNX element types.</summary>
    public static OnnxDataType ToOnnx(string tfType) => tfType switch
    {
        "DT_FLOAT" => OnnxDataType.Float,
        "DT_INT32" => OnnxDataType.Int32,
        "DT_INT64" => OnnxDataType.Int64,
        "DT_BOOL" => OnnxDataType.Bool,
        "DT_UINT8" => OnnxDataType.UInt8,
        "DT_HALF" => OnnxDataType.Float16,
        _ => throw new NotSupportedException($"TensorFlow type {tfType} is not supported."),
    };

    /// <summary>Weight manifest dtype names (TF.js DataType) to ONNX element types.</summary>
    public static OnnxDataType FromManifest(string dtype) => dtype switch
    {
        "float32" => OnnxDataType.Float,
        "int32" => OnnxDataType.Int32,
        "bool" => OnnxDataType.Bool,
        _ => throw new NotSupportedException($"Weight dtype {dtype} is not supported."),
    };
}
