using PoseGen.Application;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Core.Poses.Alignment;
using PoseGen.Core.Poses.Feedback;
using PoseGen.Core.Poses.Similarity;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Poses;

namespace PoseGen.Web.Services;

/// <summary>
/// Reference vs. candidate: detect (photos) or take keypoints, align, score, explain, save to history.
/// </summary>
public sealed class CompareService(
    PhotoPoseDetector photos, IPoseDetector detector, IImageCodec codec, MediaStore media, HistoryService history,
    PoseLibrary library)
{
    /// <summary>
    /// Canvas of a library reference, in pixels: the size the mannequin renders at, so overlays line up.
    /// </summary>
    public const int LibraryCanvas = 512;

    /// <summary>
    /// One side of a comparison; <see cref="Image"/> is the photo, stored only once the comparison succeeded.
    /// </summary>
    private sealed record Side(IReadOnlyList<Keypoint> Keypoints, int Width, int Height, RgbImage? Image);

    public async Task<CompareResponse> ComparePhotosAsync(string userId, byte[] reference, byte[] candidate,
        AlignmentModel model, bool mirror, CancellationToken ct)
    {
        codec.Probe(reference);
        codec.Probe(candidate);
        detector.EnsureAvailable(PoseModelKind.Auto);
        var r = await DetectMainPersonAsync(userId, reference, "reference", ct);
        var c = await DetectMainPersonAsync(userId, candidate, "candidate", ct);
        return await CompareAsync(userId, r, c, model, mirror, ct);
    }

    /// <summary>
    /// The reference is one of the user's saved analyses (its largest person); only the candidate is a new photo.
    /// </summary>
    public async Task<CompareResponse> CompareWithSavedReferenceAsync(
        string userId, Guid analysisId, byte[] candidate, AlignmentModel model, bool mirror, CancellationToken ct)
    {
        codec.Probe(candidate);
        var activity = await history.GetAsync(userId, analysisId, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            throw new NotFoundException("That reference analysis does not exist in your history.");
        var analysis = HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {analysisId} has no result document.");
        var person = MainSubject(analysis.ToPoses())
            ?? throw new UnusableInputException("No person was found in the reference analysis.");
        detector.EnsureAvailable(PoseModelKind.Auto);
        var c = await DetectMainPersonAsync(userId, candidate, "candidate", ct);
        return await CompareAsync(userId, new Side(person.Keypoints, analysis.ImageWidth, analysis.ImageHeight, null),
            c, model, mirror, ct);
    }

    /// <summary>The reference is a library pose seen from <paramref name="view"/> (default proportions).</summary>
    public async Task<CompareResponse> CompareWithLibraryPoseAsync(
        string userId, string poseId, PoseView view, byte[] candidate, AlignmentModel model, bool mirror,
        CancellationToken ct)
    {
        codec.Probe(candidate);
        var pose = library.Find(poseId)
            ?? throw new NotFoundException($"There is no library pose '{poseId}'.");
        var reference = library.Project(pose, view, width: LibraryCanvas, height: LibraryCanvas).ToCoco();
        detector.EnsureAvailable(PoseModelKind.Auto);
        var c = await DetectMainPersonAsync(userId, candidate, "candidate", ct);
        return await CompareAsync(userId, new Side(reference.Keypoints, LibraryCanvas, LibraryCanvas, null), c, model,
            mirror, ct);
    }

    public Task<CompareResponse> CompareKeypointsAsync(string userId, CompareKeypointsRequest request,
        CancellationToken ct)
    {
        static Side FromRequest(IReadOnlyList<NamedKeypoint> keypoints)
        {
            var points = keypoints.Select(k => new Keypoint(k.X, k.Y, k.Score)).ToArray();
            return new Side(points, (int)Math.Ceiling(points.Max(p => p.X)) + 1,
                (int)Math.Ceiling(points.Max(p => p.Y)) + 1, null);
        }
        return CompareAsync(userId, FromRequest(request.Reference), FromRequest(request.Candidate), request.Model,
            request.Mirror, ct);
    }

    private async Task<Side> DetectMainPersonAsync(string userId, byte[] photo, string role, CancellationToken ct)
    {
        var (result, image, _) = await photos.DetectWithImageAsync(photo, PoseModelKind.Auto, ct);
        var person = MainSubject(result.People)
            ?? throw new UnusableInputException($"No person was found in the {role} photo.");
        return new Side(person.Keypoints, result.ImageWidth, result.ImageHeight, image);
    }

    private async Task<CompareResponse> CompareAsync(string userId, Side reference, Side candidate,
        AlignmentModel model, bool mirror, CancellationToken ct)
    {
        var options = new SimilarityOptions { Alignment = AlignmentOptions.Default with { Model = model,
            TryMirror = mirror } };
        var similarity = PoseComparer.Compare(reference.Keypoints, candidate.Keypoints, KeypointLayout.Coco17, options)
            ?? throw new UnusableInputException(
                "The two poses share too few visible joints to be compared: make sure the whole body is in both " +
                "photos.");
        var feedback = FeedbackWriter.Describe(similarity, CorrectionEffect.ScoreGains(reference.Keypoints,
            candidate.Keypoints, similarity, options));
        var id = Guid.NewGuid();
        var response = new CompareResponse(
            id, Math.Round(similarity.Score, 1), Math.Round(similarity.Oks, 4),
            Math.Round(similarity.AngleSimilarity, 4),
            similarity.Alignment.Mirrored, similarity.Alignment.Model.ToString().ToLowerInvariant(),
            similarity.Joints.Select(j => new CompareJoint(j.Name, j.Distance, j.AngleDeltaDeg)).ToList(),
            feedback.Corrections.Select(c => c.Text).ToList(), feedback.Good, feedback.Note,
            Named(reference.Keypoints), Named(candidate.Keypoints), Named(similarity.Alignment.AlignedCandidate),
            reference.Width, reference.Height, candidate.Width, candidate.Height);

        // Photos are stored only now: a comparison refused above (no person, too few shared joints) leaves no file
        // behind.
        var referencePicture = await SavePictureAsync(userId, reference.Image, ct);
        var candidatePicture = await SavePictureAsync(userId, candidate.Image, ct);
        var files = new[] { referencePicture, candidatePicture }.OfType<MediaFile>().ToList();
        await history.AddAsync(userId, PoseGen.Core.History.ActivityKind.Comparison,
            $"Pose comparison: {response.Score:0}/100",
            feedback.Corrections.FirstOrDefault()?.Text ?? "No corrections needed", response, files,
            candidatePicture?.Id, ct, id,
            new PoseGen.Core.History.ActivityFigures(Score: response.Score));
        return response;
    }

    private async Task<MediaFile?> SavePictureAsync(string userId, RgbImage? image, CancellationToken ct) =>
        image is null ? null : await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(image, 1200, 1200),
            EncodeFormat.Jpeg, 85), "image/jpeg", ct);

    /// <summary>
    /// A photo's subject: the largest person (others are bystanders in the background); null when nobody.
    /// </summary>
    internal static Pose? MainSubject(IEnumerable<Pose> people) =>
        people.OrderByDescending(p => p.Box.Width * p.Box.Height).FirstOrDefault();

    private static List<NamedKeypoint> Named(IReadOnlyList<Keypoint> keypoints) =>
        keypoints.Select((k, i) => new NamedKeypoint(CocoKeypoints.Names[i], k.X, k.Y, k.Score)).ToList();
}
