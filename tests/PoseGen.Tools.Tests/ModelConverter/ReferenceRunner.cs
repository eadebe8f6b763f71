using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using PoseGen.Imaging;

namespace PoseGen.Tools.Tests.ModelConverter;

/// <summary>
/// Runs the same int32 NHWC inputs through a converted ONNX model (ONNX Runtime) and through the original TF.js graph
/// model (Node, tfjs-backend-wasm, via tools/tfjs-reference/run-graph-model.mjs).
/// </summary>
internal static class ReferenceRunner
{
    private static readonly LibvipsImageCodec Codec = new(Options.Create(new ImagingOptions()));

    /// <summary>Decodes a photo (PoseGen.Imaging, libvips) and resizes it to size x size RGB, aspect not kept: the test
    /// only needs the same pixels on both sides. Returns int32 0..255 in HWC order.</summary>
    public static int[] PhotoTensor(string path, int size) => PhotoTensor(path, size, size);

    /// <summary>The photo stretched to <paramref name="width"/> x <paramref name="height"/>, RGB 0..255.</summary>
    public static int[] PhotoTensor(string path, int width, int height)
    {
        var image = Codec.Resize(Codec.Decode(File.ReadAllBytes(path)), width, height);
        return [.. image.Pixels.Select(b => (int)b)];
    }

    public static float[] RunOnnx(InferenceSession session, int[] input, long[] shape) =>
        RunOnnx(session, OrtValue.CreateTensorValueFromMemory(input, shape));

    public static float[] RunOnnx(InferenceSession session, float[] input, long[] shape, string? outputName = null) =>
        RunOnnx(session, OrtValue.CreateTensorValueFromMemory(input, shape), outputName);

    /// <summary>Runs the session on <paramref name="input"/> (disposed here); the first (or the named) output as
    /// floats, int32 outputs widened.</summary>
    private static float[] RunOnnx(InferenceSession session, OrtValue input, string? outputName = null)
    {
        using var value = input;
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { [session.InputNames[0]] =
            value },
            outputName is null ? session.OutputNames : [outputName]);
        return results[0].GetTensorTypeAndShape().ElementDataType
            == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int32
            ? [.. results[0].GetTensorDataAsSpan<int>().ToArray().Select(v => (float)v)]
            : results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public static IReadOnlyList<float[]> RunTfjs(string modelJson, IReadOnlyList<int[]> inputs, long[] shape) =>
        RunTfjs(modelJson, [.. inputs.Select(i => (MemoryMarshal.AsBytes(i.AsSpan()).ToArray(), "int32"))], shape);

    public static float[] RunTfjs(string modelJson, float[] input, long[] shape) =>
        RunTfjs(modelJson, [(MemoryMarshal.AsBytes(input.AsSpan()).ToArray(), "float32")], shape)[0];

    public static IReadOnlyList<float[]> RunTfjs(string modelJson, IReadOnlyList<float[]> inputs, long[] shape,
        string outputName) =>
        RunTfjs(modelJson, [.. inputs.Select(i => (MemoryMarshal.AsBytes(i.AsSpan()).ToArray(), "float32"))], shape,
            outputName);

    /// <summary>Runs each input (raw little-endian bytes of its dtype) through the TF.js model; returns the first
    /// output of each run as floats.</summary>
    public static IReadOnlyList<float[]> RunTfjs(
        string modelJson, IReadOnlyList<(byte[] Bytes, string Dtype)> inputs, long[] shape, string? outputName = null)
    {
        var dir = Directory.CreateTempSubdirectory("posegen-tfjs-");
        try
        {
            var jobInputs = new List<object>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var file = Path.Combine(dir.FullName, $"input{i}.bin");
                File.WriteAllBytes(file, inputs[i].Bytes);
                jobInputs.Add(new { file, shape, dtype = inputs[i].Dtype });
            }
            var output = Path.Combine(dir.FullName, "output.json");
            var job = Path.Combine(dir.FullName, "job.json");
            File.WriteAllText(job, JsonSerializer.Serialize(new { model = modelJson, inputs = jobInputs, output,
                outputName }));
            RunProcess("node", [Path.Combine(TestPaths.Root, "tools", "tfjs-reference", "run-graph-model.mjs"), job]);

            using var doc = JsonDocument.Parse(File.ReadAllBytes(output));
            Assert.Equal("wasm", doc.RootElement.GetProperty("backend").GetString());
            return [.. doc.RootElement.GetProperty("outputs").EnumerateArray()
                .Select(o => o.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray())];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static byte[] RunProcess(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.Root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{fileName} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.ToArray();
    }
}
