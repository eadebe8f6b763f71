using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Inference;
using PoseGen.Web.Hosting;
using PoseGen.Web.ViewModels.Poses;

namespace PoseGen.Web.Services;

/// <summary>Section "Analysis".</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Long side of the picture kept for the history page.</summary>
    [Range(256, 4096)]
    public int StoredImageDimension { get; set; } = 1600;
}

/// <summary>Photo -> keypoints for a user: detect (decoding upright), keep the picture and the result in the history.</summary>
public sealed class PoseAnalysisService(
    PhotoPoseDetector photos,
    IPoseDetector detector,
    IImageCodec codec,
    MediaStore media,
    HistoryService history,
    IOptions<AnalysisOptions> options)
{
    public async Task<PoseDetectionResponse> AnalyzeAsync(string userId, byte[] upload, PoseModelKind model, CancellationToken ct)
    {
        // Probed first: a bad photo is the caller's to fix whether or not the models are here.
        var probe = codec.Probe(upload);
        detector.EnsureAvailable(model);
        var (detection, image, format) = await photos.DetectWithImageAsync(upload, model, ct);

        var id = Guid.NewGuid();
        var t = detection.Timings;
        var response = new PoseDetectionResponse(
            id, detection.ImageWidth, detection.ImageHeight, PoseDetectionResponse.ModelName(model), detection.KeypointThreshold,
            PoseDetectionResponse.FromPoses(detection.People), new DetectionTimings(t.DecodeMs, t.InferenceMs, t.TotalMs));

        var stored = options.Value.StoredImageDimension;
        var picture = await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(image, stored, stored), EncodeFormat.Jpeg, 85), "image/jpeg", ct);
        var thumbnail = await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(image, 320, 320), EncodeFormat.Jpeg, 80), "image/jpeg", ct);
        var summary = detection.People.Count switch { 0 => "No person found", 1 => "1 person", var n => $"{n} people" };
        await history.AddAsync(userId, PoseGen.Core.History.ActivityKind.Analysis,
            $"Photo analysis ({format}, {probe.Width}x{probe.Height})", summary, response, [picture, thumbnail], thumbnail.Id, ct, id);
        return response;
    }
}
