using System.Buffers;
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Imaging;

namespace PoseGen.Inference.MoveNet;

/// <summary>Time spent by one detection call, accumulated over its model runs (milliseconds).</summary>
internal sealed class PipelineClock
{
    public double PreprocessMs { get; set; }
    public double InferenceMs { get; set; }
    public int Runs { get; set; }
}

/// <summary>
/// One MoveNet graph: resample a window of the image into its int32 NHWC input, one Run, copy the output out. Input
/// memory is pooled and handed to ONNX Runtime without copying; fixed-shape outputs are preallocated per call.
/// </summary>
internal sealed class MoveNetModelRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[]? _fixedOutputShape;
    private readonly RunOptions _runOptions = new();

    public MoveNetModelRunner(InferenceSession session)
    {
        _session = session;
        var input = session.InputMetadata.First();
        var output = session.OutputMetadata.First();
        _inputNames = [input.Key];
        _outputNames = [output.Key];
        var inDims = input.Value.Dimensions;
        // Single-pose graphs have a fixed square input ([1, S, S, 3]); multipose's H and W are free (-1).
        InputSize = inDims.Length == 4 && inDims[1] > 0 && inDims[1] == inDims[2] ? inDims[1] : null;
        var outDims = output.Value.Dimensions;
        _fixedOutputShape = outDims.All(d => d > 0) ? outDims.Select(d => (long)d).ToArray() : null;
    }

    /// <summary>Side of the square input, or null when the graph accepts any size.</summary>
    public int? InputSize { get; }

    public float[] Run(RgbImage image, InputWindow window, PipelineClock clock)
    {
        var count = window.InputWidth * window.InputHeight * 3;
        var buffer = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var started = Stopwatch.GetTimestamp();
            MoveNetPreprocessing.Resample(image.Pixels, image.Width, image.Height, window, buffer.AsSpan(0, count));
            var resampled = Stopwatch.GetTimestamp();

            long[] inputShape = [1, window.InputHeight, window.InputWidth, 3];
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                buffer.AsMemory(0, count), inputShape);
            float[] result;
            if (_fixedOutputShape is { } shape)
            {
                result = new float[shape.Aggregate(1L, (a, b) => a * b)];
                using var output = OrtValue.CreateTensorValueFromMemory(result, shape);
                _session.Run(_runOptions, _inputNames, [input], _outputNames, [output]);
            }
            else
            {
                using var outputs = _session.Run(_runOptions, _inputNames, [input], _outputNames);
                result = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            }
            var ran = Stopwatch.GetTimestamp();

            clock.PreprocessMs += Stopwatch.GetElapsedTime(started, resampled).TotalMilliseconds;
            clock.InferenceMs += Stopwatch.GetElapsedTime(resampled, ran).TotalMilliseconds;
            clock.Runs++;
            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _runOptions.Dispose();
}
