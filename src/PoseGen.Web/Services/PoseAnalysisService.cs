using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Poses;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hosting;
using PoseGen.Web.ViewModels.Poses;

namespace PoseGen.Web.Services;

/// <summary>Section "Analysis".</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>
    /// Photos are decoded straight to at most this many pixels on the long side (JPEG shrink-on-load) before detection,
    /// and keypoints are scaled back to the original image. MoveNet sees 256 px, so 2048 loses nothing measurable while
    /// making a 12 MP decode several times cheaper.
    /// </summary>
    [Range(256, 8192)]
    public int MaxDecodeDimension { get; set; } = 2048;

    /// <summary>Long side of the image kept for the history page.</summary>
    [Range(256, 4096)]
    public int StoredImageDimension { get; set; } = 1600;
}

/// <summary>Photo -> keypoints for a user: decode (upright), detect, keep the picture and the result in the history.</summary>
public sealed class PoseAnalysisService(
    IImageCodec codec,
    IPoseDetector detector,
    MediaStore media,
    HistoryService history,
    IOptions<AnalysisOptions> options)
{
    public async Task<PoseDetectionResponse> AnalyzeAsync(string userId, byte[] upload, PoseModelKind model, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var probe = codec.Probe(upload);
        var max = options.Value.MaxDecodeDimension;
        var decoded = codec.DecodeThumbnail(upload, max, max);
        var decodeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // Checked after the upload: a bad photo is the caller's to fix whether or not the models are here.
        if (!detector.IsAvailable(model))
            throw new UserInputException(StatusCodes.Status503ServiceUnavailable,
                "The pose models are not installed. Build the app (it converts them into models/) and restart it.");

        var detection = await detector.DetectAsync(decoded, model, ct);
        // Probe reports the oriented size, the size the keypoints must refer to.
        float scaleX = (float)probe.Width / decoded.Width, scaleY = (float)probe.Height / decoded.Height;
        var people = detection.People.Select(p => p.Scale(scaleX, scaleY)).ToList();
        var totalMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var id = Guid.NewGuid();
        var response = new PoseDetectionResponse(
            id, probe.Width, probe.Height, PoseDetectionResponse.ModelName(model), detection.KeypointThreshold,
            PoseDetectionResponse.FromPoses(people), new DetectionTimings(decodeMs, detection.Timings.InferenceMs, totalMs));

        var stored = options.Value.StoredImageDimension;
        var picture = await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(decoded, stored, stored), EncodeFormat.Jpeg, 85), "image/jpeg", ct);
        var thumbnail = await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(decoded, 320, 320), EncodeFormat.Jpeg, 80), "image/jpeg", ct);
        var summary = people.Count switch { 0 => "No person found", 1 => "1 person", var n => $"{n} people" };
        await history.AddAsync(userId, PoseGen.Core.History.ActivityKind.Analysis, $"Photo analysis ({probe.Format}, {probe.Width}x{probe.Height})",
            summary, response, [picture, thumbnail], thumbnail.Id, ct, id);
        return response;
    }
}
