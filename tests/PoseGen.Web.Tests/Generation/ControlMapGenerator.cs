using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;

namespace PoseGen.Web.Tests.Generation;

/// <summary>
/// Test double of the generation port: "generates" the inverted control map, reporting every step with the map as
/// preview. With <see cref="Gate"/> each step waits for a permit, so a test can hold a job running; cancellation is
/// honoured while waiting.
/// </summary>
internal sealed class ControlMapGenerator(bool gated = false) : IPoseImageGenerator
{
    public SemaphoreSlim? Gate { get; } = gated ? new SemaphoreSlim(0) : null;

    public GeneratorStatus Status { get; } = new(true, null, "Cpu");

    public static byte[] Invert(byte[] pixels) => [.. pixels.Select(b => (byte)(255 - b))];

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request,
        IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        for (var step = 1; step <= request.Steps; step++)
        {
            if (Gate is not null)
                await Gate.WaitAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new GenerationProgress(step, request.Steps, request.ControlImage));
        }
        var image = new RgbImage(request.Width, request.Height, Invert(request.ControlImage.Pixels));
        return new GenerationResult(image, request.Seed, TimeSpan.Zero);
    }
}
