using System.Diagnostics;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;

namespace PoseGen.Application.Photos;

/// <summary>
/// Encoded photo (JPEG, PNG, WebP, GIF, AVIF) to keypoints in pixels of the upright photo: decodes with EXIF
/// orientation at a bounded working size (<see cref="PoseDetectionSettings.DetectionMaxSide"/>), detects, and scales
/// the result back. Decode failures surface as the decoder's exception. The decode, like the model runs, is work
/// for the <see cref="IInferenceScheduler"/>'s workers: a 12 MP JPEG costs tens of ms of CPU, and decoded on the
/// request thread pool many uploads at once filled it, so that light requests (/health, pages) waited behind them for
/// seconds, and a photo the models were too busy for was decoded before it was refused.
/// </summary>
public sealed class PhotoPoseDetector(
    IImageDecoder codec, IPoseDetector detector, IInferenceScheduler scheduler, IOptions<PoseDetectionSettings> options)
{
    private readonly int _maxSide = options.Value.DetectionMaxSide;

    public async Task<PoseDetectionResult> DetectAsync(ReadOnlyMemory<byte> encoded, PoseModelKind model,
        CancellationToken cancellationToken) =>
        (await DetectWithImageAsync(encoded, model, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// As <see cref="DetectAsync"/>, also returning the decoded working image (for callers that keep a copy).
    /// </summary>
    public async Task<PhotoDetection> DetectWithImageAsync(ReadOnlyMemory<byte> encoded, PoseModelKind model,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (image, probe, decodeMs) = await scheduler.RunAsync(InferencePriority.Interactive, _ =>
        {
            var decodeStarted = Stopwatch.GetTimestamp();
            // One header read for both the working image and the photo's own size.
            var decoded = codec.DecodeForAnalysis(encoded.Span, _maxSide);
            return (decoded.Image, decoded.Source, Stopwatch.GetElapsedTime(decodeStarted).TotalMilliseconds);
        }, cancellationToken).ConfigureAwait(false);

        var result = await detector.DetectAsync(image, model, cancellationToken).ConfigureAwait(false);

        // Thumbnail dimensions are rounded, so each axis gets its own factor (they differ by < 1 pixel's worth).
        var scaleX = (float)probe.Width / image.Width;
        var scaleY = (float)probe.Height / image.Height;
        var people = scaleX == 1 && scaleY == 1 ? result.People : result.People.Select(p => p.Scale(scaleX, scaleY))
            .ToList();
        return new PhotoDetection(result with
        {
            ImageWidth = probe.Width,
            ImageHeight = probe.Height,
            People = people,
            Timings = result.Timings with
            {
                DecodeMs = decodeMs,
                TotalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            },
        }, image, probe.Format);
    }
}

/// <param name="Result">Keypoints in pixels of the full upright photo.</param>
/// <param name="WorkingImage">The photo as decoded for detection (at most DetectionMaxSide on the long side).</param>
/// <param name="Format">The upload's encoded format.</param>
public sealed record PhotoDetection(PoseDetectionResult Result, PoseGen.Core.Imaging.RgbImage WorkingImage,
    ImageFormat Format);
