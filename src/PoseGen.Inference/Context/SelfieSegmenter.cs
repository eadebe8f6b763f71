using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Context.Scene;
using PoseGen.Core.Imaging;
using PoseGen.Inference.Onnx;

namespace PoseGen.Inference.Context;

/// <summary>
/// MediaPipe selfie segmentation: the photo stretched to the model's square input (256) as RGB / 255, as
/// @vladmandic/human's segmentation module feeds it; the output is a person probability per input pixel, which covers
/// the whole photo (stretched back by <see cref="PersonMask.At"/>).
/// </summary>
public sealed class SelfieSegmenter(OnnxModelHost host)
{
    public bool IsAvailable => host.IsInstalled(ModelCatalog.Selfie);

    public PersonMask Segment(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var session = host.GetSession(ModelCatalog.Selfie);
        var input = session.InputMetadata.First();
        var size = input.Value.Dimensions[1];
        var data = new float[size * size * 3];
        ContextPreprocessing.Stretch(image.Pixels, image.Width, image.Height, size, 1f / 255, data);
        using var value = OrtValue.CreateTensorValueFromMemory(data, [1, size, size, 3]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new Dictionary<string, OrtValue> { [input.Key] = value },
            session.OutputNames);
        return new PersonMask(size, size, results[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
