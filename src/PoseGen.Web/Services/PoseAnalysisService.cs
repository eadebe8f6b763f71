using PoseGen.Application;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Services;

/// <summary>
/// Photo -> keypoints for a user: detect (decoding upright), keep the picture and the result in the history. The photo
/// is decoded once, at the detector's working size: the history keeps the uploaded bytes as they came (the best copy,
/// and no encoder time; pages show them upright from their EXIF orientation) and the thumbnail is made from the working
/// image.
/// </summary>
public sealed class PoseAnalysisService(
    PhotoPoseDetector photos,
    IPoseDetector detector,
    IImageCodec codec,
    MediaStore media,
    HistoryService history)
{
    /// <summary>Long side of the history list's thumbnail, in pixels.</summary>
    public const int ThumbnailSide = 320;

    public async Task<PoseDetectionResponse> AnalyzeAsync(string userId, byte[] upload, PoseModelKind model,
        CancellationToken ct)
    {
        // Probed first: a bad photo is the caller's to fix whether or not the models are here.
        var probe = codec.Probe(upload);
        detector.EnsureAvailable(model);
        var (detection, image, format) = await photos.DetectWithImageAsync(upload, model, ct);

        var id = Guid.NewGuid();
        var t = detection.Timings;
        var response = new PoseDetectionResponse(
            id, detection.ImageWidth, detection.ImageHeight, PoseDetectionResponse.ModelName(model),
            detection.KeypointThreshold,
            PoseDetectionResponse.FromPoses(detection.People), new DetectionTimings(t.DecodeMs, t.InferenceMs,
                t.TotalMs));

        var picture = await SavePictureAsync(userId, upload, probe, image, ct);
        MediaFile thumbnail;
        try
        {
            thumbnail = await media.SaveAsync(
                userId, codec.Encode(codec.Thumbnail(image, ThumbnailSide, ThumbnailSide), EncodeFormat.Jpeg, 80),
                "image/jpeg", ct);
        }
        catch
        {
            // No entry will name the picture (a full disk, a cancelled request): it goes with the failure.
            media.Delete(picture);
            throw;
        }
        var summary = detection.People.Count switch { 0 => "No person found", 1 => "1 person", var n => $"{n} people" };
        // Written before the answer: a 200 always has its history entry.
        await history.AddAsync(userId, PoseGen.Core.History.ActivityKind.Analysis,
            $"Photo analysis ({format}, {probe.Width}x{probe.Height})", summary, response, [picture, thumbnail],
            thumbnail.Id, ct, id);
        return response;
    }

    /// <summary>
    /// The upload itself, except for animations: the keypoints belong to the first frame, so that frame is kept (the
    /// working image, as a JPEG).
    /// </summary>
    private Task<MediaFile> SavePictureAsync(
        string userId, byte[] upload, ImageProbe probe, PoseGen.Core.Imaging.RgbImage image, CancellationToken ct) =>
        probe.Pages > 1
            ? media.SaveAsync(userId, codec.Encode(image, EncodeFormat.Jpeg, 85), "image/jpeg", ct)
            : media.SaveAsync(userId, upload, ContentType(probe.Format), ct);

    private static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Avif => "image/avif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
    };
}
