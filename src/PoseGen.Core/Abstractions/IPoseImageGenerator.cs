using PoseGen.Core.Imaging;

namespace PoseGen.Core.Abstractions;

/// <summary>Which diffusion scheduler a generation uses (API ids: euler-a, dpmpp-2m-karras, ddim, lcm).</summary>
public enum DiffusionSchedulerKind
{
    EulerAncestral,
    DpmPlusPlus2MKarras,
    Ddim,
    Lcm,
}

/// <summary>Whether generation can run here, and if not, what to do about it.</summary>
/// <param name="IsAvailable">True when every model the pipeline needs is installed and fits the manifest.</param>
/// <param name="Message">Why generation is unavailable and how to install it (null when available).</param>
/// <param name="Device">Where it runs when available ("Cpu" or "Cuda").</param>
/// <param name="Installed">False when the models are simply not there (the usual case without a download), as opposed
/// to models that are there but do not fit, whose <paramref name="Message"/> says what is wrong.</param>
public sealed record GeneratorStatus(bool IsAvailable, string? Message, string? Device, bool Installed = true);

/// <summary>
/// One Stable Diffusion 1.5 + ControlNet OpenPose generation.
/// </summary>
/// <param name="ControlImage">The OpenPose conditioning map, Width x Height.</param>
/// <param name="Width">Output width in pixels, a multiple of 8 (512 for square, 512 for portrait).</param>
/// <param name="Height">Output height in pixels, a multiple of 8 (512 square, 768 portrait).</param>
/// <param name="GuidanceScale">Classifier-free guidance scale; 1 disables the unconditional pass.</param>
/// <param name="ControlNetStrength">Multiplier on the ControlNet residuals, 0..2.</param>
/// <param name="InitImage">Image-to-image source (resized to Width x Height), or null for text-to-image.</param>
/// <param name="Strength">Image-to-image denoising strength in (0, 1]: the share of the schedule that is run.</param>
public sealed record GenerationRequest(
    string Prompt,
    string NegativePrompt,
    RgbImage ControlImage,
    int Width,
    int Height,
    int Steps,
    DiffusionSchedulerKind Scheduler,
    long Seed,
    float GuidanceScale,
    float ControlNetStrength,
    RgbImage? InitImage,
    float Strength);

/// <param name="Step">Steps completed, 1..TotalSteps.</param>
/// <param name="Preview">A cheap preview of the current latent (may be null when previews are off).</param>
public sealed record GenerationProgress(int Step, int TotalSteps, RgbImage? Preview);

public sealed record GenerationResult(RgbImage Image, long Seed, TimeSpan Elapsed);

/// <summary>Renders a pose as an image with Stable Diffusion + ControlNet OpenPose.</summary>
public interface IPoseImageGenerator
{
    GeneratorStatus Status { get; }

    /// <summary>
    /// Runs one generation; throws InvalidOperationException when <see cref="Status"/> is not available.
    /// </summary>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken);
}
