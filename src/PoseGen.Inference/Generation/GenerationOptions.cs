namespace PoseGen.Inference.Generation;

/// <summary>
/// Configuration section <c>Generation</c>. The device is <c>Inference:Device</c>, shared with every model.
/// </summary>
public sealed class GenerationOptions
{
    public const string SectionName = "Generation";

    /// <summary>
    /// Folder holding <c>manifest.json</c> and the component folders (text_encoder/, controlnet/, unet/, vae_decoder/,
    /// vae_encoder/, tokenizer/). Relative paths are resolved against the content root. Empty: <c>stable-diffusion/</c>
    /// inside the models folder (<c>Inference:ModelsPath</c>).
    /// </summary>
    public string? ModelsPath { get; set; }

    /// <summary>Send a latent preview with each progress report (about 1 ms at 512x512; off saves it).</summary>
    public bool Previews { get; set; } = true;
}
