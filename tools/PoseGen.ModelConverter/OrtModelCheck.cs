using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PoseGen.ModelConverter;

/// <summary>
/// Loads a converted model in ONNX Runtime (which runs the ONNX checker and shape inference) and runs it once on a zero
/// input, so an op ORT cannot execute fails the conversion rather than the app. Returns the signature ORT reports.
/// </summary>
internal static class OrtModelCheck
{
    public static (IReadOnlyList<ModelTensorSpec> Inputs, IReadOnlyList<ModelTensorSpec> Outputs) Check(byte[] model)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        var inputs = session.InputNames.Select(n => Spec(n, session.InputMetadata[n])).ToList();
        var outputs = session.OutputNames.Select(n => Spec(n, session.OutputMetadata[n])).ToList();

        var values = new Dictionary<string, OrtValue>();
        try
        {
            foreach (var input in inputs)
                values[input.Name] = ZeroTensor(session.InputMetadata[input.Name]);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, values, session.OutputNames);
        }
        finally
        {
            foreach (var value in values.Values)
                value.Dispose();
        }
        return (inputs, outputs);
    }

    private static ModelTensorSpec Spec(string name, NodeMetadata meta) =>
        new(name, DtypeName(meta.ElementDataType), [.. meta.Dimensions.Select(d => (long)d)]);

    private static OrtValue ZeroTensor(NodeMetadata meta)
    {
        // Dynamic dimensions (-1) are run at size 1.
        var shape = meta.Dimensions.Select(d => d > 0 ? (long)d : 1L).ToArray();
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        return meta.ElementDataType switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(new float[count], shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(new int[count], shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
            _ => throw new NotSupportedException($"Input type {meta.ElementDataType} is not checked."),
        };
    }

    private static string DtypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int64 => "int64",
        TensorElementType.Bool => "bool",
        TensorElementType.UInt8 => "uint8",
        _ => type.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
