using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Imaging;
using PoseGen.Inference;
using PoseGen.Inference.MoveNet;
using PoseGen.Inference.Onnx;

namespace PoseGen.Bench.Inference;

/// <summary>
/// (a) session.Run alone: a letterboxed photo already in a preallocated int32 input, a preallocated output.
/// </summary>
internal static class RawInference
{
    public static Timing Measure(OnnxModelHost host, ModelDescriptor model, RgbImage photo, int warmup, int iterations)
    {
        var session = host.GetSession(model);
        var input = session.InputMetadata.First();
        var output = session.OutputMetadata.First();
        var size = input.Value.Dimensions[1];
        var window = InputWindow.Letterbox(photo.Width, photo.Height, size);
        var pixels = new int[size * size * 3];
        MoveNetPreprocessing.Resample(photo.Pixels, photo.Width, photo.Height, window, pixels);
        var outShape = output.Value.Dimensions.Select(d => (long)d).ToArray();
        var result = new float[outShape.Aggregate(1L, (a, b) => a * b)];

        using var inputValue = OrtValue.CreateTensorValueFromMemory(pixels, [1, size, size, 3]);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(result, outShape);
        using var runOptions = new RunOptions();
        string[] inputNames = [input.Key];
        string[] outputNames = [output.Key];
        OrtValue[] inputs = [inputValue];
        OrtValue[] outputs = [outputValue];
        return Timing.Measure(warmup, iterations, () => session.Run(runOptions, inputNames, inputs, outputNames,
            outputs));
    }

    /// <summary>A separate container per configuration so each gets its own sessions.</summary>
    public static ServiceProvider Services(int intraOpThreads,
        GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new InferenceOptions
        {
            Device = ExecutionDevice.Cpu,
            IntraOpThreads = intraOpThreads,
            GraphOptimizationLevel = level,
        }));
        services.AddSingleton<ExecutionProviderSelector>();
        services.AddSingleton<OnnxModelHost>();
        return services.BuildServiceProvider();
    }
}
