using PoseGen.Inference.Generation;
using PoseGen.Onnx;
using PoseGen.TestSupport;

namespace PoseGen.Inference.Tests.Generation;

/// <summary>
/// Writes a model folder of tiny ONNX graphs whose inputs and outputs are exactly those of a real export's signature
/// file (models/signatures/*.json: names, element types, fixed and symbolic dimensions), with arithmetic simple enough
/// to reason about:
/// text_encoder: h[b, t, k] = ids[b, t] x 1e-6 (each prompt gives a different embedding), pooler_output its mean over
/// t; controlnet: residual_i = scale x 0.002 (i + 1) x the channel mean of the 8x8-pooled control image, pooled further
/// to the residual's size (h/2, h/4, h/8) and repeated over its channels;
/// unet: eps = 0.1 x sample + mean(h) + the channel means of the full-size residuals (per latent pixel) + the means of
/// the smaller ones (+ 0.05 x mean(timestep_cond) when the signature has it), broadcast over the 4 channels;
/// vae_decoder: tanh of an 8x8-stride transposed convolution; vae_encoder: an 8x8-stride convolution.
/// <paramref name="floatType"/> and <paramref name="idsType"/> of <see cref="Create"/> replace the signature's element
/// types (a float16 export); <c>batchOne</c> fixes every "batch" dimension at 1 (an export without a batch of 2).
/// </summary>
internal static class TinyStableDiffusion
{
    public const string Sd15 = "sd15";
    public const string Lcm = "lcm-dreamshaper-v7";

    public static ModelSignature Signature(string name) =>
        ModelSignature.Load(Path.Combine(RepoPaths.Models, "signatures", name + ".json"));

    /// <summary>Creates the folder (with tokenizer and manifest) under a fresh temporary directory.</summary>
    public static string Create(
        OnnxDataType floatType = OnnxDataType.Float, OnnxDataType idsType = OnnxDataType.Int32, string signature = Sd15,
        bool batchOne = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "posegen-tiny-sd-" + Guid.NewGuid().ToString("N"));
        var types = new Types(floatType, idsType, batchOne);
        var sig = Signature(signature);
        Write(folder, StableDiffusionContract.TextEncoder, TextEncoder(sig, types));
        Write(folder, StableDiffusionContract.ControlNet, ControlNet(sig, types));
        Write(folder, StableDiffusionContract.Unet, Unet(sig, types));
        Write(folder, StableDiffusionContract.VaeDecoder, VaeDecoder(sig, types));
        Write(folder, StableDiffusionContract.VaeEncoder, VaeEncoder(sig, types));
        Directory.CreateDirectory(Path.Combine(folder, "tokenizer"));
        // Letters only, no merges: every word is spelt letter by letter, so different prompts give different ids.
        var vocab = new Dictionary<string, int> { ["<|startoftext|>"] = 49406, ["<|endoftext|>"] = 49407 };
        foreach (var letter in "abcdefghijklmnopqrstuvwxyz") { vocab[letter.ToString()] =
            vocab.Count; vocab[letter + "</w>"] = vocab.Count; }
        File.WriteAllText(Path.Combine(folder, "tokenizer", "vocab.json"),
            System.Text.Json.JsonSerializer.Serialize(vocab));
        File.WriteAllText(Path.Combine(folder, "tokenizer", "merges.txt"), "#version: 0.2\n");
        WriteManifest(folder);
        return folder;
    }

    public static void WriteManifest(string folder) =>
        File.WriteAllText(Path.Combine(folder, StableDiffusionManifest.FileName),
            StableDiffusionManifestWriter.Describe(folder, "tiny test models", hash: true).ToJson());

    public static void Write(string folder, string component, OnnxGraphBuilder graph)
    {
        Directory.CreateDirectory(Path.Combine(folder, component));
        File.WriteAllBytes(Path.Combine(folder, component, "model.onnx"), graph.ToBytes());
    }

    public sealed record Types(OnnxDataType Float, OnnxDataType Ids, bool BatchOne = false)
    {
        public static Types Default { get; } = new(OnnxDataType.Float, OnnxDataType.Int32);

        public OnnxDataType Of(TensorSignature t) => t.Type switch
        {
            "float" or "float16" or "double" => Float,
            "int32" or "int64" => t.Name == "input_ids" ? Ids : OnnxDataType.Int64,
            var other => throw new NotSupportedException(other),
        };

        public OnnxDimension[] Dims(TensorSignature t) =>
            [.. t.Shape.Select(d => d.Value is { } v ? (OnnxDimension)v : d.Symbol == "batch" && BatchOne ? 1
                : OnnxDimension.Symbolic(d.Symbol!))];
    }

    /// <summary>Declares every input of the component; returns each as float32 inside the graph.</summary>
    private static Dictionary<string, string> Inputs(OnnxGraphBuilder g, ComponentSignature c, Types types,
        IEnumerable<string>? omit = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in c.Inputs.Where(i => omit?.Contains(i.Name) != true))
        {
            var name = g.AddInput(input.Name, types.Of(input), types.Dims(input));
            result[input.Name] = types.Of(input) == OnnxDataType.Float ? name
                : g.AddNode("Cast", "f32", [name], OnnxAttribute.Of("to", (long)OnnxDataType.Float));
        }
        return result;
    }

    /// <summary>
    /// Declares output <paramref name="name"/> as the signature has it, cast from the float32 <paramref name="value"/>.
    /// </summary>
    private static void Output(OnnxGraphBuilder g, ComponentSignature c, Types types, string name, string value)
    {
        var output = c.Outputs.Single(o => o.Name == name);
        var typed = types.Of(output) == OnnxDataType.Float ? value
            : g.AddNode("Cast", "cast", [value], OnnxAttribute.Of("to", (long)types.Of(output)));
        g.AddNodeWithOutputs("Identity", [typed], [name]);
        g.AddOutput(name, types.Of(output), types.Dims(output));
    }

    public static OnnxGraphBuilder TextEncoder(ModelSignature sig, Types types)
    {
        var c = sig.Components[StableDiffusionContract.TextEncoder];
        var g = new OnnxGraphBuilder("text_encoder");
        var f = Inputs(g, c, types)["input_ids"];
        var column = g.AddNode("Unsqueeze", "column", [f, g.AddInt64s("axis", 2)]);
        var h = g.AddNode("Mul", "h", [column, g.AddInitializer("w", Enumerable.Repeat(1e-6f, 768).ToArray(), 768)]);
        Output(g, c, types, "last_hidden_state", h);
        Output(g, c, types, "pooler_output", g.AddNode("ReduceMean", "pooled", [h, g.AddInt64s("axes", 1)],
            OnnxAttribute.Of("keepdims", 0L)));
        return g;
    }

    /// <summary>
    /// The test ControlNet; <paramref name="omit"/> leaves outputs out (a file that does not fit its manifest).
    /// </summary>
    public static OnnxGraphBuilder ControlNet(ModelSignature sig, Types types, string? omit = null)
    {
        var c = sig.Components[StableDiffusionContract.ControlNet];
        var g = new OnnxGraphBuilder("controlnet");
        var x = Inputs(g, c, types);
        var pooled = Pool(g, x["controlnet_cond"], 8);
        var mean = g.AddNode("ReduceMean", "mean", [pooled, g.AddInt64s("axes", 1)], OnnxAttribute.Of("keepdims", 1L));
        var scaled = g.AddNode("Mul", "scaled", [mean, x["conditioning_scale"]]);
        for (var i = 0; i < c.Outputs.Count; i++)
        {
            var output = c.Outputs[i];
            if (output.Name == omit) continue;
            var r = g.AddNode("Mul", "r", [scaled, g.AddInitializer("k", [0.002f * (i + 1)], 1)]);
            var factor = output.Shape[2].Symbol is { } s && s.Contains('/', StringComparison.Ordinal)
                ? long.Parse(s[(s.IndexOf('/', StringComparison.Ordinal) + 1)..],
                    System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (factor > 1) r = Pool(g, r, factor);
            var channels = g.AddInt64s("channels", 1, output.Shape[1].Value!.Value, 1, 1);
            Output(g, c, types, output.Name, g.AddNode("Expand", "repeat", [r, channels]));
        }
        return g;
    }

    /// <summary>
    /// The test UNet; <paramref name="omit"/> leaves one residual input out (a folder that does not fit).
    /// </summary>
    public static OnnxGraphBuilder Unet(ModelSignature sig, Types types, string? omit = null)
    {
        var c = sig.Components[StableDiffusionContract.Unet];
        var g = new OnnxGraphBuilder("unet");
        var x = Inputs(g, c, types, omit is null ? null : [omit]);
        var textMean = g.AddNode("ReduceMean", "text_mean", [x["encoder_hidden_states"], g.AddInt64s("axes", 1, 2)],
            OnnxAttribute.Of("keepdims", 1L));
        var eps = g.AddNode("Add", "eps", [g.AddNode("Mul", "keep", [x["sample"], g.AddInitializer("a", [0.1f], 1)]),
            g.AddNode("Unsqueeze", "text4", [textMean, g.AddInt64s("axis", 3)])]);
        foreach (var residual in StableDiffusionContract.Residuals.Where(x.ContainsKey))
        {
            // Full-size residuals keep the pose map's layout (per latent pixel); smaller ones add their overall mean.
            var fullSize = c.Input(residual).Shape[2].Symbol == "h";
            var axes = fullSize ? g.AddInt64s("axes", 1) : g.AddInt64s("axes", 1, 2, 3);
            eps = g.AddNode("Add", "eps", [eps, g.AddNode("ReduceMean", "r", [x[residual], axes],
                OnnxAttribute.Of("keepdims", 1L))]);
        }
        if (x.TryGetValue("timestep_cond", out var cond))
        {
            var condMean = g.AddNode("ReduceMean", "cond_mean", [cond, g.AddInt64s("axes", 1)],
                OnnxAttribute.Of("keepdims", 1L));
            var cond4 = g.AddNode("Unsqueeze", "cond4", [condMean, g.AddInt64s("axes", 2, 3)]);
            eps = g.AddNode("Add", "eps", [eps, g.AddNode("Mul", "cond_k",
                [cond4, g.AddInitializer("c", [0.05f], 1)])]);
        }
        Output(g, c, types, "out_sample", eps);
        return g;
    }

    public static OnnxGraphBuilder VaeDecoder(ModelSignature sig, Types types)
    {
        var c = sig.Components[StableDiffusionContract.VaeDecoder];
        var g = new OnnxGraphBuilder("vae_decoder");
        var z = Inputs(g, c, types)["latent_sample"];
        var weights = Enumerable.Range(0, 4 * 3 * 64).Select(i => ((i / 64) % 3 == (i / 192) % 3 ? 0.02f : 0.005f))
            .ToArray();
        var up = g.AddNode("ConvTranspose", "up", [z, g.AddInitializer("w", weights, 4, 3, 8, 8)],
            OnnxAttribute.Of("kernel_shape", [8L, 8L]), OnnxAttribute.Of("strides", [8L, 8L]));
        Output(g, c, types, "sample", g.AddNode("Tanh", "tanh", [up]));
        return g;
    }

    public static OnnxGraphBuilder VaeEncoder(ModelSignature sig, Types types)
    {
        var c = sig.Components[StableDiffusionContract.VaeEncoder];
        var g = new OnnxGraphBuilder("vae_encoder");
        var x = Inputs(g, c, types)["sample"];
        var weights = Enumerable.Range(0, 4 * 3 * 64).Select(i => (i / 192) % 3 == (i / 64) % 3 ? 1f / 64 : 0f)
            .ToArray();
        var down = g.AddNode("Conv", "down", [x, g.AddInitializer("w", weights, 4, 3, 8, 8)],
            OnnxAttribute.Of("kernel_shape", [8L, 8L]), OnnxAttribute.Of("strides", [8L, 8L]));
        Output(g, c, types, "latent_sample", down);
        return g;
    }

    private static string Pool(OnnxGraphBuilder g, string x, long size) =>
        g.AddNode("AveragePool", "pooled", [x], OnnxAttribute.Of("kernel_shape", [size, size]),
            OnnxAttribute.Of("strides", [size, size]));
}
