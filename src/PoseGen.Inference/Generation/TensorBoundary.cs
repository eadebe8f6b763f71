using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PoseGen.Inference.Generation;

/// <summary>
/// The pipeline computes in float32; a model may take float16 (GPU exports), int32/int64 token ids or timesteps. Values
/// are cast here, at the model boundary, to the element type the session's metadata declares.
/// </summary>
internal static class TensorBoundary
{
    public static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Float16 => "float16",
        TensorElementType.Double => "double",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int64 => "int64",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// An input value of the element type <paramref name="meta"/> declares, holding <paramref name="values"/>.
    /// </summary>
    public static OrtValue Create(NodeMetadata meta, ReadOnlySpan<float> values, long[] shape) =>
        meta.ElementDataType switch
    {
        TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(values.ToArray(), shape),
        TensorElementType.Float16 => OrtValue.CreateTensorValueFromMemory(Convert(values, v => (Float16)v), shape),
        TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(Convert(values, v => (double)v), shape),
        TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(Convert(values, v => (int)MathF.Round(v)),
            shape),
        TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(Convert(values, v => (long)MathF.Round(v)),
            shape),
        var other => throw new NotSupportedException($"Element type {other} is not supported at the model boundary."),
    };

    /// <summary>A scalar or 1-element vector, as the session's metadata shapes it.</summary>
    public static OrtValue Scalar(NodeMetadata meta, float value) =>
        Create(meta, [value], meta.Dimensions.Length == 0 ? [] : [1]);

    public static float[] ToFloats(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Float16 => Convert(value.GetTensorDataAsSpan<Float16>(), v => (float)v),
            TensorElementType.Double => Convert(value.GetTensorDataAsSpan<double>(), v => (float)v),
            var other => throw new NotSupportedException($"Model output of element type {other} is not supported."),
        };
    }

    public static long[] Shape(OrtValue value) => value.GetTensorTypeAndShape().Shape;

    private static TOut[] Convert<TIn, TOut>(ReadOnlySpan<TIn> values, Func<TIn, TOut> convert)
    {
        var result = new TOut[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = convert(values[i]);
        return result;
    }
}
