using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation;
using PoseGen.Core.Imaging;

namespace PoseGen.Inference.Generation;

/// <summary>
/// The model runs of one generation: prompt embeddings once, then per step ControlNet and UNet on a batch of
/// [unconditional, conditional] (batch 1, conditional only, when guidance is 1), guidance, and the VAE at either end.
/// </summary>
internal sealed class DiffusionRunner
{
    private readonly StableDiffusionModels sd;
    private readonly GenerationRequest request;
    private readonly int batch;
    private readonly float[] embeddings;
    private readonly long[] embeddingShape;
    private readonly float[] control;

    public DiffusionRunner(StableDiffusionModels sd, GenerationRequest request)
    {
        this.sd = sd;
        this.request = request;
        batch = request.GuidanceScale > 1 ? 2 : 1;
        var ids = batch == 2
            ? [.. sd.Tokenizer.Tokenize(request.NegativePrompt), .. sd.Tokenizer.Tokenize(request.Prompt)]
            : sd.Tokenizer.Tokenize(request.Prompt);
        (embeddings, embeddingShape) = EncodeText(ids);
        // ControlNet's conditioning image is RGB in [0, 1].
        control = LatentImages.ToPlanes(request.ControlImage, request.Width, request.Height, batch, 1 / 255f, 0);
    }

    public int Batch => batch;

    /// <summary>The guided noise prediction for one [1, 4, h, w] model input at training timestep <paramref name="timestep"/>.</summary>
    public float[] PredictNoise(float[] input, double timestep, int latentW, int latentH)
    {
        var size = input.Length;
        var samples = new float[size * batch];
        for (var b = 0; b < batch; b++) Array.Copy(input, 0, samples, b * size, size);
        long[] sampleShape = [batch, 4, latentH, latentW];

        using var runOptions = new RunOptions();
        var cn = sd.ControlNet.InputMetadata;
        using var cnSample = TensorBoundary.Create(cn["sample"], samples, sampleShape);
        using var cnTime = TensorBoundary.Scalar(cn["timestep"], (float)timestep);
        using var cnText = TensorBoundary.Create(cn["encoder_hidden_states"], embeddings, embeddingShape);
        using var cnCond = TensorBoundary.Create(cn["controlnet_cond"], control, [batch, 3, request.Height, request.Width]);
        using var cnScale = TensorBoundary.Scalar(cn["conditioning_scale"], request.ControlNetStrength);
        using var residuals = sd.ControlNet.Run(runOptions, new Dictionary<string, OrtValue>
        {
            ["sample"] = cnSample, ["timestep"] = cnTime, ["encoder_hidden_states"] = cnText,
            ["controlnet_cond"] = cnCond, ["conditioning_scale"] = cnScale,
        }, StableDiffusionContract.Residuals);

        var un = sd.Unet.InputMetadata;
        using var unSample = TensorBoundary.Create(un["sample"], samples, sampleShape);
        using var unTime = TensorBoundary.Scalar(un["timestep"], (float)timestep);
        using var unText = TensorBoundary.Create(un["encoder_hidden_states"], embeddings, embeddingShape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["sample"] = unSample, ["timestep"] = unTime, ["encoder_hidden_states"] = unText,
        };
        // Residuals go straight from ControlNet's outputs to the UNet's inputs, no copy (same element type in one export).
        for (var i = 0; i < residuals.Count; i++) inputs[StableDiffusionContract.Residuals[i]] = residuals[i];
        using var outputs = sd.Unet.Run(runOptions, inputs, ["out_sample"]);
        var eps = TensorBoundary.ToFloats(outputs[0]);
        if (batch == 1) return eps;

        // Classifier-free guidance: uncond + g (cond - uncond).
        var guided = new float[size];
        var g = request.GuidanceScale;
        for (var i = 0; i < size; i++) guided[i] = eps[i] + (g * (eps[size + i] - eps[i]));
        return guided;
    }

    /// <summary>The scaled latent of an image: VAE encoder mean x 0.18215 ([1, 8, h, w] distributions keep the mean half).</summary>
    public float[] EncodeImage(RgbImage image)
    {
        var encoder = sd.VaeEncoder!;
        var planes = LatentImages.ToPlanes(image, request.Width, request.Height, 1, 2 / 255f, -1);
        using var runOptions = new RunOptions();
        using var value = TensorBoundary.Create(encoder.InputMetadata["sample"], planes, [1, 3, request.Height, request.Width]);
        using var outputs = encoder.Run(runOptions, new Dictionary<string, OrtValue> { ["sample"] = value }, ["latent_sample"]);
        var latent = TensorBoundary.ToFloats(outputs[0]);
        var size = 4 * (request.Width / 8) * (request.Height / 8);
        var result = new float[size];
        for (var i = 0; i < size; i++) result[i] = latent[i] * LatentImages.VaeScale;
        return result;
    }

    public RgbImage Decode(float[] latent, int latentW, int latentH)
    {
        var scaled = new float[latent.Length];
        for (var i = 0; i < latent.Length; i++) scaled[i] = latent[i] / LatentImages.VaeScale;
        using var runOptions = new RunOptions();
        using var value = TensorBoundary.Create(sd.VaeDecoder.InputMetadata["latent_sample"], scaled, [1, 4, latentH, latentW]);
        using var outputs = sd.VaeDecoder.Run(runOptions, new Dictionary<string, OrtValue> { ["latent_sample"] = value }, ["sample"]);
        var shape = TensorBoundary.Shape(outputs[0]);
        return LatentImages.FromSignedPlanes(TensorBoundary.ToFloats(outputs[0]), (int)shape[3], (int)shape[2]);
    }

    private (float[] Values, long[] Shape) EncodeText(int[] ids)
    {
        var encoder = sd.TextEncoder;
        var rows = ids.Length / ClipTokenizer.ContextLength;
        using var runOptions = new RunOptions();
        using var value = TensorBoundary.Create(
            encoder.InputMetadata["input_ids"], Array.ConvertAll(ids, i => (float)i), [rows, ClipTokenizer.ContextLength]);
        using var outputs = encoder.Run(runOptions, new Dictionary<string, OrtValue> { ["input_ids"] = value }, ["last_hidden_state"]);
        return (TensorBoundary.ToFloats(outputs[0]), TensorBoundary.Shape(outputs[0]));
    }
}
