using PoseGen.Application;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Context;
using PoseGen.Core.Context.Scene;
using PoseGen.Imaging;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Context;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Services;

/// <summary>
/// Context from a photo and/or a prompt. The photo is decoded to at most <see cref="MaxSide"/> pixels (the detectors
/// run at 256-512, so more pixels only cost decode time) and classified; prompt and image merge per dimension with
/// <see cref="ContextMerge"/> (an explicit prompt wins).
/// </summary>
public sealed class ContextClassificationService(ISceneClassifier classifier, IImageCodec codec)
{
    public const int MaxSide = 1024;

    public async Task<ContextClassificationResponse> ClassifyAsync(byte[]? photo, string? prompt, CancellationToken ct)
    {
        if (photo is null && string.IsNullOrWhiteSpace(prompt))
            throw new InvalidInputException("Send a photo (multipart field 'image'), a 'prompt', or both.");
        if (prompt is { Length: > RecommendationService.MaxPromptLength })
            throw new InvalidInputException(
                $"The prompt is longer than {RecommendationService.MaxPromptLength} characters.");
        var parsed = PromptParser.Default.Parse(prompt);
        var scene = photo is null ? null : await ClassifyPhotoAsync(photo, ct);
        return new ContextClassificationResponse(
            ContextLabelDto.From(ContextMerge.Merge(parsed.Environment, scene?.Environment ?? [])),
            ContextLabelDto.From(ContextMerge.Merge(parsed.Outfit, scene?.Outfit ?? [])),
            scene?.Indoor,
            scene?.Lighting,
            scene is null ? [] : [.. scene.Objects.Select(o => new DetectedObjectDto(
                o.Label, Math.Round(o.Score, 3), Math.Round(o.Box.X, 1), Math.Round(o.Box.Y, 1),
                Math.Round(o.Box.Width, 1), Math.Round(o.Box.Height, 1)))],
            scene?.EnvironmentSure,
            scene?.OutfitSure);
    }

    /// <summary>
    /// Probes first (a bad photo is the caller's to fix whether or not the models are installed), then classifies.
    /// </summary>
    public async Task<SceneContext> ClassifyPhotoAsync(byte[] photo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(photo);
        codec.Probe(photo);
        EnsureAvailable();
        return await classifier.ClassifyAsync(codec.DecodeThumbnail(photo, MaxSide, MaxSide), ct);
    }

    public bool IsAvailable => classifier.IsAvailable;

    public void EnsureAvailable()
    {
        if (!IsAvailable)
            throw new UnavailableException(
                "The context models (centernet, selfie) are not installed. Build the app (it converts them into " +
                "models/) and restart it.");
    }
}
