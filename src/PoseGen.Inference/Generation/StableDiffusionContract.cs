namespace PoseGen.Inference.Generation;

/// <summary>
/// The signature PoseGen needs from each component (names as in the diffusers/TensorStack ONNX exports, ranks of SD
/// 1.5). The manifest may add inputs and outputs; it may not lack these.
/// </summary>
public static class StableDiffusionContract
{
    public const string TextEncoder = "text_encoder";
    public const string ControlNet = "controlnet";
    public const string Unet = "unet";
    public const string VaeDecoder = "vae_decoder";
    public const string VaeEncoder = "vae_encoder";

    /// <summary>ControlNet residuals: 12 down-block outputs (3 per UNet level) and the mid block.</summary>
    public static IReadOnlyList<string> Residuals { get; } =
        [.. Enumerable.Range(0, 12).Select(i => $"down_block_{i}_additional_residual"),
            "mid_block_additional_residual"];

    /// <summary>Required components first; vae_encoder is optional (image-to-image is refused without it).</summary>
    public static IReadOnlyList<ComponentContract> Components { get; } =
    [
        new(TextEncoder, true, [new("input_ids", 2)], [new("last_hidden_state", 3)]),
        new(ControlNet, true,
            [new("sample", 4), new("timestep", -1), new("encoder_hidden_states", 3), new("controlnet_cond", 4),
                new("conditioning_scale", -1)],
            [.. Residuals.Select(r => new TensorContract(r, 4))]),
        new(Unet, true,
            [new("sample", 4), new("timestep", -1), new("encoder_hidden_states", 3),
                .. Residuals.Select(r => new TensorContract(r, 4))],
            [new("out_sample", 4)]),
        new(VaeDecoder, true, [new("latent_sample", 4)], [new("sample", 4)]),
        new(VaeEncoder, false, [new("sample", 4)], [new("latent_sample", 4)]),
    ];
}

/// <param name="Rank">Required rank, or -1 when a scalar and a 1-element vector are both accepted (timesteps,
/// scales).</param>
public sealed record TensorContract(string Name, int Rank);

public sealed record ComponentContract(
    string Name, bool Required, IReadOnlyList<TensorContract> Inputs, IReadOnlyList<TensorContract> Outputs);
