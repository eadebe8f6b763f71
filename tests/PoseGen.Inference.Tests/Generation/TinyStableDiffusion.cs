using PoseGen.Inference.Generation;
using PoseGen.Onnx;

namespace PoseGen.Inference.Tests.Generation;

/// <summary>
/// Writes a model folder of tiny ONNX graphs with SD 1.5's real input/output names, ranks, element types, the 77-token
/// context and the 768-wide text embedding, but arithmetic simple enough to reason about:
/// text_encoder: h[b, t, k] = ids[b, t] x 1e-6 (each prompt gives a different embedding);
/// controlnet: residual_i = scale x 0.002 (i + 1) x mean over channels of the 8x8-pooled control image, [B, 1, h, w];
/// unet: eps = 0.1 x sample + mean(h) + sum_i residual_i (broadcast over the 4 channels);
/// vae_decoder: tanh of an 8x8-stride transposed convolution; vae_encoder: an 8x8-stride convolution.
/// </summary>
internal static class TinyStableDiffusion
{
    public const int Hidden = 768;

    /// <summary>Creates the folder (with tokenizer and manifest) under a fresh temporary directory.</summary>
    public static string Create(OnnxDataType floatType = OnnxDataType.Float, OnnxDataType idsType = OnnxDataType.Int32)
    {
        var folder = Path.Combine(Path.GetTempPath(), "posegen-tiny-sd-" + Guid.NewGuid().ToString("N"));
        Write(folder, StableDiffusionContract.TextEncoder, TextEncoder(floatType, idsType));
        Write(folder, StableDiffusionContract.ControlNet, ControlNet(floatType));
        Write(folder, StableDiffusionContract.Unet, Unet(floatType));
        Write(folder, StableDiffusionContract.VaeDecoder, VaeDecoder(floatType));
        Write(folder, StableDiffusionContract.VaeEncoder, VaeEncoder(floatType));
        Directory.CreateDirectory(Path.Combine(folder, "tokenizer"));
        // Letters only, no merges: every word is spelt letter by letter, so different prompts give different ids.
        var vocab = new Dictionary<string, int> { ["<|startoftext|>"] = 49406, ["<|endoftext|>"] = 49407 };
        foreach (var letter in "abcdefghijklmnopqrstuvwxyz") { vocab[letter.ToString()] = vocab.Count; vocab[letter + "</w>"] = vocab.Count; }
        File.WriteAllText(Path.Combine(folder, "tokenizer", "vocab.json"), System.Text.Json.JsonSerializer.Serialize(vocab));
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

    private static OnnxDimension Batch => OnnxDimension.Symbolic("batch");

    private static OnnxDimension Sym(string name) => OnnxDimension.Symbolic(name);

    /// <summary>Casts a float32 graph tensor to the model's float type (identity when float32).</summary>
    private static string To(OnnxGraphBuilder g, string x, OnnxDataType type) =>
        type == OnnxDataType.Float ? x : g.AddNode("Cast", "cast", [x], OnnxAttribute.Of("to", (long)type));

    private static string FromInput(OnnxGraphBuilder g, string x, OnnxDataType type) =>
        type == OnnxDataType.Float ? x : g.AddNode("Cast", "f32", [x], OnnxAttribute.Of("to", (long)OnnxDataType.Float));

    public static OnnxGraphBuilder TextEncoder(OnnxDataType type, OnnxDataType idsType)
    {
        var g = new OnnxGraphBuilder("text_encoder");
        var ids = g.AddInput("input_ids", idsType, Batch, 77);
        var f = g.AddNode("Cast", "ids_float", [ids], OnnxAttribute.Of("to", (long)OnnxDataType.Float));
        var column = g.AddNode("Unsqueeze", "column", [f, g.AddInt64s("axis", 2)]);
        var h = g.AddNode("Mul", "h", [column, g.AddInitializer("w", Enumerable.Repeat(1e-6f, Hidden).ToArray(), Hidden)]);
        g.AddNodeWithOutputs("Identity", [To(g, h, type)], ["last_hidden_state"]);
        g.AddOutput("last_hidden_state", type, [Batch, 77, Hidden]);
        return g;
    }

    public static OnnxGraphBuilder ControlNet(OnnxDataType type, IReadOnlyList<string>? residualNames = null)
    {
        var g = new OnnxGraphBuilder("controlnet");
        g.AddInput("sample", type, Batch, 4, Sym("h"), Sym("w"));
        g.AddInput("timestep", OnnxDataType.Float, 1);
        g.AddInput("encoder_hidden_states", type, Batch, 77, Hidden);
        var cond = FromInput(g, g.AddInput("controlnet_cond", type, Batch, 3, Sym("H"), Sym("W")), type);
        var scale = g.AddInput("conditioning_scale", OnnxDataType.Float);
        var pooled = g.AddNode("AveragePool", "pooled", [cond], OnnxAttribute.Of("kernel_shape", [8L, 8L]), OnnxAttribute.Of("strides", [8L, 8L]));
        var mean = g.AddNode("ReduceMean", "mean", [pooled, g.AddInt64s("axes", 1)], OnnxAttribute.Of("keepdims", 1L));
        var scaled = g.AddNode("Mul", "scaled", [mean, scale]);
        var names = residualNames ?? StableDiffusionContract.Residuals;
        for (var i = 0; i < names.Count; i++)
        {
            var r = g.AddNode("Mul", "r", [scaled, g.AddInitializer("k", [0.002f * (i + 1)], 1)]);
            g.AddNodeWithOutputs("Identity", [To(g, r, type)], [names[i]]);
            g.AddOutput(names[i], type, [Batch, 1, Sym("h"), Sym("w")]);
        }
        return g;
    }

    /// <summary>The test UNet; <paramref name="omit"/> leaves one residual input out (a folder that does not fit).</summary>
    public static OnnxGraphBuilder Unet(OnnxDataType type, string? omit = null)
    {
        var g = new OnnxGraphBuilder("unet");
        var sample = FromInput(g, g.AddInput("sample", type, Batch, 4, Sym("h"), Sym("w")), type);
        g.AddInput("timestep", OnnxDataType.Float, 1);
        var text = FromInput(g, g.AddInput("encoder_hidden_states", type, Batch, 77, Hidden), type);
        var textMean = g.AddNode("ReduceMean", "text_mean", [text, g.AddInt64s("axes", 1, 2)], OnnxAttribute.Of("keepdims", 1L));
        var eps = g.AddNode("Add", "eps", [g.AddNode("Mul", "keep", [sample, g.AddInitializer("a", [0.1f], 1)]),
            g.AddNode("Unsqueeze", "text4", [textMean, g.AddInt64s("axis", 3)])]);
        foreach (var name in StableDiffusionContract.Residuals.Where(n => n != omit))
            eps = g.AddNode("Add", "eps", [eps, FromInput(g, g.AddInput(name, type, Batch, 1, Sym("h"), Sym("w")), type)]);
        g.AddNodeWithOutputs("Identity", [To(g, eps, type)], ["out_sample"]);
        g.AddOutput("out_sample", type, [Batch, 4, Sym("h"), Sym("w")]);
        return g;
    }

    public static OnnxGraphBuilder VaeDecoder(OnnxDataType type)
    {
        var g = new OnnxGraphBuilder("vae_decoder");
        var z = FromInput(g, g.AddInput("latent_sample", type, Batch, 4, Sym("h"), Sym("w")), type);
        var weights = Enumerable.Range(0, 4 * 3 * 64).Select(i => ((i / 64) % 3 == (i / 192) % 3 ? 0.02f : 0.005f)).ToArray();
        var up = g.AddNode("ConvTranspose", "up", [z, g.AddInitializer("w", weights, 4, 3, 8, 8)],
            OnnxAttribute.Of("kernel_shape", [8L, 8L]), OnnxAttribute.Of("strides", [8L, 8L]));
        g.AddNodeWithOutputs("Identity", [To(g, g.AddNode("Tanh", "tanh", [up]), type)], ["sample"]);
        g.AddOutput("sample", type, [Batch, 3, Sym("H"), Sym("W")]);
        return g;
    }

    public static OnnxGraphBuilder VaeEncoder(OnnxDataType type)
    {
        var g = new OnnxGraphBuilder("vae_encoder");
        var x = FromInput(g, g.AddInput("sample", type, Batch, 3, Sym("H"), Sym("W")), type);
        var weights = Enumerable.Range(0, 4 * 3 * 64).Select(i => (i / 192) % 3 == (i / 64) % 3 ? 1f / 64 : 0f).ToArray();
        var down = g.AddNode("Conv", "down", [x, g.AddInitializer("w", weights, 4, 3, 8, 8)],
            OnnxAttribute.Of("kernel_shape", [8L, 8L]), OnnxAttribute.Of("strides", [8L, 8L]));
        g.AddNodeWithOutputs("Identity", [To(g, down, type)], ["latent_sample"]);
        g.AddOutput("latent_sample", type, [Batch, 4, Sym("h"), Sym("w")]);
        return g;
    }
}
