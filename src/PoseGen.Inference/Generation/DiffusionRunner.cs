using Microsoft.ML.OnnxRuntime;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Generation;
using PoseGen.Core.Imaging;

namespace PoseGen.Inference.Generation;

/// <summary>
/// The model runs of one generation: prompt embeddings once, then per step ControlNet and UNet on a batch of
/// [unconditional, conditional] (batch 1, conditional only, when guidance is 1), guidance, and the VAE at either end.
/// A UNet with a <c>timestep_cond</c> input is guidance-distilled (LCM): it gets the guidance embedding and the
/// conditional row only. An export whose batch dimension is fixed at 1 gets one run per row instead of a batch.
/// </summary>
internal sealed class DiffusionRunner
{
    private const string TimestepCond = "timestep_cond";
    private readonly StableDiffusionModels _sd;
    private readonly GenerationRequest _request;
    private readonly int _batch;
    private readonly int _rowsPerRun;
    private readonly float[] _embeddings;
    private readonly long[] _embeddingRowShape;
    private readonly float[] _control;
    private readonly float[]? _guidanceEmbedding;

    public DiffusionRunner(StableDiffusionModels sd, GenerationRequest request)
    {
        _sd = sd;
        _request = request;
        if (sd.Unet.InputMetadata.TryGetValue(TimestepCond, out var cond))
        {
            // [batch, dim]: dim is the UNet's time_cond_proj_dim (256 for LCM Dreamshaper v7).
            var dim = cond.Dimensions.Length == 2 && cond.Dimensions[1] > 0 ? cond.Dimensions[1] : 256;
            _guidanceEmbedding = GuidanceEmbedding.ForGuidanceScale(request.GuidanceScale, dim);
        }
        _batch = _guidanceEmbedding is null && request.GuidanceScale > 1 ? 2 : 1;
        _rowsPerRun = FixedAtOne(sd.ControlNet, "sample") || FixedAtOne(sd.Unet, "sample") ? 1 : _batch;
        var prompts = _batch == 2 ? new[] { request.NegativePrompt, request.Prompt } : [request.Prompt];
        (_embeddings, _embeddingRowShape) = EncodeText(prompts);
        // ControlNet's conditioning image is RGB in [0, 1]; the same for every row.
        _control = LatentImages.ToPlanes(request.ControlImage, request.Width, request.Height, 1, 1 / 255f, 0);
    }

    public int Batch => _batch;

    /// <summary>
    /// The guided noise prediction for one [1, 4, h, w] model input at training timestep <paramref name="timestep"/>.
    /// </summary>
    public float[] PredictNoise(float[] input, double timestep, int latentW, int latentH)
    {
        var size = input.Length;
        var eps = new float[size * _batch];
        for (var first = 0; first < _batch; first += _rowsPerRun)
            RunModels(input, first, timestep, latentW, latentH).CopyTo(eps, first * size);
        if (_batch == 1) return eps;

        // Classifier-free guidance: uncond + g (cond - uncond).
        var guided = new float[size];
        var g = _request.GuidanceScale;
        for (var i = 0; i < size; i++) guided[i] = eps[i] + (g * (eps[size + i] - eps[i]));
        return guided;
    }

    /// <summary>ControlNet then UNet on rows first .. first + rowsPerRun - 1 of the guidance batch.</summary>
    private float[] RunModels(float[] input, int first, double timestep, int latentW, int latentH)
    {
        var rows = _rowsPerRun;
        var samples = Repeat(input, rows);
        long[] sampleShape = [rows, 4, latentH, latentW];
        var rowLength = _embeddings.Length / _batch;
        var text = _embeddings.AsSpan(first * rowLength, rows * rowLength);
        long[] textShape = [rows, .. _embeddingRowShape[1..]];

        using var runOptions = new RunOptions();
        var cn = _sd.ControlNet.InputMetadata;
        using var cnSample = TensorBoundary.Create(cn["sample"], samples, sampleShape);
        using var cnTime = TensorBoundary.Scalar(cn["timestep"], (float)timestep);
        using var cnText = TensorBoundary.Create(cn["encoder_hidden_states"], text, textShape);
        using var cnCond = TensorBoundary.Create(cn["controlnet_cond"], Repeat(_control, rows),
            [rows, 3, _request.Height, _request.Width]);
        using var cnScale = TensorBoundary.Scalar(cn["conditioning_scale"], _request.ControlNetStrength);
        using var residuals = _sd.ControlNet.Run(runOptions, new Dictionary<string, OrtValue>
        {
            ["sample"] = cnSample, ["timestep"] = cnTime, ["encoder_hidden_states"] = cnText,
            ["controlnet_cond"] = cnCond, ["conditioning_scale"] = cnScale,
        }, StableDiffusionContract.Residuals);

        var un = _sd.Unet.InputMetadata;
        using var unSample = TensorBoundary.Create(un["sample"], samples, sampleShape);
        using var unTime = TensorBoundary.Scalar(un["timestep"], (float)timestep);
        using var unText = TensorBoundary.Create(un["encoder_hidden_states"], text, textShape);
        using var unCond = _guidanceEmbedding is null ? null
            : TensorBoundary.Create(un[TimestepCond], Repeat(_guidanceEmbedding, rows),
                [rows, _guidanceEmbedding.Length]);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["sample"] = unSample, ["timestep"] = unTime, ["encoder_hidden_states"] = unText,
        };
        if (unCond is not null) inputs[TimestepCond] = unCond;
        // Residuals go straight from ControlNet's outputs to the UNet's inputs, no copy (same element type in one
        // export).
        for (var i = 0; i < residuals.Count; i++) inputs[StableDiffusionContract.Residuals[i]] = residuals[i];
        using var outputs = _sd.Unet.Run(runOptions, inputs, ["out_sample"]);
        return TensorBoundary.ToFloats(outputs[0]);
    }

    /// <summary>
    /// The scaled latent of an image: VAE encoder mean x 0.18215 ([1, 8, h, w] distributions keep the mean half).
    /// </summary>
    public float[] EncodeImage(RgbImage image)
    {
        var encoder = _sd.VaeEncoder!;
        var planes = LatentImages.ToPlanes(image, _request.Width, _request.Height, 1, 2 / 255f, -1);
        using var runOptions = new RunOptions();
        using var value = TensorBoundary.Create(encoder.InputMetadata["sample"], planes,
            [1, 3, _request.Height, _request.Width]);
        using var outputs = encoder.Run(runOptions, new Dictionary<string, OrtValue> { ["sample"] = value },
            ["latent_sample"]);
        var latent = TensorBoundary.ToFloats(outputs[0]);
        var size = 4 * (_request.Width / 8) * (_request.Height / 8);
        var result = new float[size];
        for (var i = 0; i < size; i++) result[i] = latent[i] * LatentImages.VaeScale;
        return result;
    }

    public RgbImage Decode(float[] latent, int latentW, int latentH)
    {
        var scaled = new float[latent.Length];
        for (var i = 0; i < latent.Length; i++) scaled[i] = latent[i] / LatentImages.VaeScale;
        using var runOptions = new RunOptions();
        using var value = TensorBoundary.Create(_sd.VaeDecoder.InputMetadata["latent_sample"], scaled,
            [1, 4, latentH, latentW]);
        using var outputs = _sd.VaeDecoder.Run(runOptions, new Dictionary<string, OrtValue> { ["latent_sample"] =
            value }, ["sample"]);
        var shape = TensorBoundary.Shape(outputs[0]);
        return LatentImages.FromSignedPlanes(TensorBoundary.ToFloats(outputs[0]), (int)shape[3], (int)shape[2]);
    }

    /// <summary>[prompts, 77, 768] embeddings; one run per prompt when the text encoder is fixed at batch 1.</summary>
    private (float[] Values, long[] RowShape) EncodeText(string[] prompts)
    {
        var encoder = _sd.TextEncoder;
        var meta = encoder.InputMetadata["input_ids"];
        var groups = meta.Dimensions[0] == 1 ? prompts.Select(p => new[] { p }).ToArray() : [prompts];
        var values = new List<float>();
        long[] shape = [];
        foreach (var group in groups)
        {
            var ids = group.SelectMany(_sd.Tokenizer.Tokenize).ToArray();
            using var runOptions = new RunOptions();
            using var value = TensorBoundary.Create(meta, Array.ConvertAll(ids, i => (float)i),
                [group.Length, ClipTokenizer.ContextLength]);
            using var outputs = encoder.Run(runOptions, new Dictionary<string, OrtValue> { ["input_ids"] = value },
                ["last_hidden_state"]);
            values.AddRange(TensorBoundary.ToFloats(outputs[0]));
            shape = TensorBoundary.Shape(outputs[0]);
        }
        return ([.. values], [1, .. shape[1..]]);
    }

    private static bool FixedAtOne(InferenceSession session, string input) =>
        session.InputMetadata[input].Dimensions is [1, ..];

    private static float[] Repeat(float[] row, int times)
    {
        if (times == 1) return row;
        var result = new float[row.Length * times];
        for (var t = 0; t < times; t++) row.CopyTo(result, t * row.Length);
        return result;
    }
}
