using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Generation;
using PoseGen.Web.Contracts.Poses;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Services.Generation;

/// <summary>Turns a request's pose source into OpenPose BODY_18 joints in pixels of the output canvas.</summary>
public sealed class GenerationPoseResolver(PoseLibrary library, HistoryService history)
{
    public async Task<(Keypoint[] Joints, string Source)> ResolveAsync(string userId, GenerationRequestDto r, int width,
        int height, CancellationToken ct)
    {
        var sources = (r.PoseId is not null ? 1 : 0) + (r.Keypoints is not null ? 1 : 0)
            + (r.AnalysisId is not null ? 1 : 0);
        if (sources != 1)
            throw Bad(
                "Give exactly one pose source: poseId (with view), keypoints (54 OpenPose numbers) or analysisId.");
        if (r.Keypoints is { } flat)
            return (FromFlat(flat, width, height), "keypoints");
        if (r.PoseId is { } poseId)
        {
            var pose = library.Find(poseId) ?? throw new NotFoundException($"There is no library pose '{poseId}'.");
            var view = r.View is null ? PoseView.Front : PoseText.View(r.View)
                ?? throw Bad("view must be front, side or three-quarter.");
            if (r.HeightM is { } h && h is not (>= 1.0 and <= 2.3))
                throw Bad("heightM must be between 1.0 and 2.3 metres.");
            var body = r.HeightM is { } metres ? BodyProportions.ForHeight(metres) : null;
            return ([.. library.Project(pose, view, body, width, height).ToOpenPose()],
                $"{pose.Name} ({PoseText.Id(view)})");
        }
        var activity = await history.GetAsync(userId, r.AnalysisId!.Value, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            throw new NotFoundException("That analysis does not exist in your history.");
        var analysis = HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {r.AnalysisId} has no result document.");
        var person = CompareService.MainSubject(analysis.ToPoses())
            ?? throw new UnusableInputException("No person was found in that analysis.");
        // Fit the photo's frame into the canvas, centred, keeping its aspect ratio.
        var scale = Math.Min((float)width / analysis.ImageWidth, (float)height / analysis.ImageHeight);
        var dx = (width - analysis.ImageWidth * scale) / 2;
        var dy = (height - analysis.ImageHeight * scale) / 2;
        var coco = person.Keypoints.Select(k => k with { X = k.X * scale + dx, Y = k.Y * scale + dy }).ToArray();
        return (OpenPoseBody18.Convert(coco, analysis.KeypointThreshold), "photo analysis");
    }

    /// <summary>54 numbers, x and y inside the canvas; a score of 0 marks a missing joint.</summary>
    public static Keypoint[] FromFlat(float[] flat, int width, int height)
    {
        if (flat.Length != OpenPoseBody18.Count * 3)
            throw Bad($"keypoints must hold {OpenPoseBody18.Count * 3} numbers (x, y, score for each OpenPose joint).");
        var joints = new Keypoint[OpenPoseBody18.Count];
        for (var i = 0; i < joints.Length; i++)
        {
            var (x, y, s) = (flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]);
            if (!float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(s) || s < 0 || s > 1)
                throw Bad($"Joint {OpenPoseBody18.Names[i]} needs finite x, y and a score in [0, 1].");
            if (s > 0 && (x < 0 || y < 0 || x >= width || y >= height))
                throw Bad($"Joint {OpenPoseBody18.Names[i]} lies outside the {width}x{height} canvas.");
            joints[i] = new Keypoint(x, y, s);
        }
        if (!joints.Any(j => j.Score > 0))
            throw Bad("keypoints has no visible joint.");
        return joints;
    }

    public static float[] ToFlat(IReadOnlyList<Keypoint> joints) =>
        [.. joints.SelectMany(j => new[] { MathF.Round(j.X, 2), MathF.Round(j.Y, 2), MathF.Round(j.Score, 3) })];

    private static InvalidInputException Bad(string message) => new(message);
}
