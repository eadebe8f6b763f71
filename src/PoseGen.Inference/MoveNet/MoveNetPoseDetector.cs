using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Imaging;
using PoseGen.Core.Poses;
using PoseGen.Inference.Context;
using PoseGen.Inference.Onnx;

namespace PoseGen.Inference.MoveNet;

/// <summary>
/// <see cref="IPoseDetector"/> on the converted MoveNet graphs. Single person: a letterboxed pass over the whole image,
/// then a second pass on a crop around the person found; on video (<see cref="TrackAsync"/>) also a pass on the crop
/// around the person of the frame before, kept unless the fresh look finds that same person more clearly or someone
/// larger, and multipose to locate a person too small for either to show a trunk. Auto:
/// multipose finds up to 6 people, thunder refines each on its crop; CenterNet's person boxes (when installed) add the
/// people multipose missed (small, overlapping, more than six), each found by thunder on its own crop; a second
/// multipose look at a larger input adds people still missed; people found twice are merged by OKS (non-maximum
/// suppression), the earlier pass winning.
/// </summary>
public sealed class MoveNetPoseDetector(OnnxModelHost host, IOptions<InferenceOptions> options,
    CenterNetObjectDetector? people = null)
    : IPoseDetector, IDisposable
{
    /// <summary>A detector box counts as covered by a pose whose keypoint box overlaps it this much (intersection over
    /// union, the usual 0.5 of detection matching); a person standing in front of another is not covered by the other's
    /// box, and a pose found twice is merged afterwards by OKS. Changed after looking at the fixture crowds: the first
    /// test, intersection over the smaller box at 0.6, hid people in front of others (people/more unseen group OKS
    /// 0.591 -> 0.608 with IoU); the value 0.5 itself was not searched, so there is no leave-one-out figure.</summary>
    private const float CoveredOverlap = 0.5f;

    /// <summary>A pose found in a detector box must keep this share of its confident keypoints inside the box (grown by
    /// a quarter), or thunder drifted to a neighbour. Set before the evaluation, not searched; dropping the check
    /// changed the fixture figures by under 0.003 OKS.</summary>
    private const double InsideShare = 0.7;

    /// <summary>
    /// A thunder refinement replaces a multipose person only when it still describes that person (OKS).
    /// </summary>
    private const double RefinementAgreement = 0.5;

    /// <summary>
    /// With fewer confident multipose keypoints than this, agreement proves nothing (a hip and an ankle shared with an
    /// occluding neighbour look like a match), so the candidate is not refined.
    /// </summary>
    private const int MinAgreementKeypoints = 5;

    /// <summary>Two refined people this similar (OKS) are one person found twice.</summary>
    private const double DuplicateSimilarity = 0.7;

    /// <summary>
    /// Thunder: the crop pass is skipped when its square is at least this share of the whole-image window, where it
    /// would give the model at most ~5% more pixels per body length (a person filling the photo). Chosen as that round
    /// figure, then checked on the 52 annotated fixture photos (people/, people/more/; best-match OKS): for thunder the
    /// two photos it applies to (crop at 0.99 and 0.95 of the window) gain (0.873 -> 0.902, 0.884 -> 0.916) and nothing
    /// else changes; a looser 0.9 would also take in one photo that loses 0.002 (and three that gain). Lightning (192
    /// px input) keeps its second pass: on two of its three photos in that band skipping lost (0.880 -> 0.859,
    /// 0.749 -> 0.612). Not searched, so no leave-one-out figure.
    /// </summary>
    private const float SecondPassMaxShare = 0.95f;

    /// <summary>The multipose input side of the first look: the size of the graph's published signature, which
    /// TF.js's pose-detection also uses.</summary>
    private const int MultiposeSide = 256;

    private readonly InferenceOptions _settings = options.Value;
    private readonly ConcurrentDictionary<ModelDescriptor, Lazy<MoveNetModelRunner>> _runners = new();

    public bool IsAvailable(PoseModelKind model) => ModelCatalog.For(model).All(host.IsInstalled);

    public Task<PoseDetectionResult> DetectAsync(RgbImage image, PoseModelKind model,
        CancellationToken cancellationToken) =>
        Task.FromResult(Detect(image, model, cancellationToken));

    public Task<PoseDetectionResult> TrackAsync(RgbImage image, PoseModelKind model, Pose? previous,
        CancellationToken cancellationToken) =>
        Task.FromResult(Track(image, model, previous, cancellationToken));

    /// <summary>
    /// As <see cref="DetectAsync"/>, on the calling thread (a scheduler worker; see Scheduling.ScheduledPoseDetector).
    /// </summary>
    public PoseDetectionResult Detect(RgbImage image, PoseModelKind model, CancellationToken cancellationToken) =>
        Run(image, model, video: false, previous: null, cancellationToken);

    /// <summary>As <see cref="TrackAsync"/>, on the calling thread.</summary>
    public PoseDetectionResult Track(RgbImage image, PoseModelKind model, Pose? previous,
        CancellationToken cancellationToken) =>
        Run(image, model, video: true, previous, cancellationToken);

    private PoseDetectionResult Run(RgbImage image, PoseModelKind model, bool video, Pose? previous,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var clock = new PipelineClock();
        var people = model switch
        {
            PoseModelKind.Lightning => Single(image, Runner(ModelCatalog.MoveNetLightning), cropWholeFrame: true,
                video, previous, clock, cancellationToken),
            PoseModelKind.Thunder => Single(image, Runner(ModelCatalog.MoveNetThunder), cropWholeFrame: false,
                video, previous, clock, cancellationToken),
            PoseModelKind.Multipose => DetectMultiple(image, refine: false, clock, cancellationToken),
            PoseModelKind.Auto => DetectMultiple(image, refine: true, clock, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown pose model."),
        };
        var timings = new PoseDetectionTimings(
            0, clock.PreprocessMs, clock.InferenceMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds, clock.Runs);
        return new PoseDetectionResult(image.Width, image.Height, model, people, _settings.KeypointThreshold, timings);
    }

    /// <summary>
    /// One person with a single-person model. On video: the person followed from the frame before or the one found
    /// afresh (<see cref="Better"/>); where neither shows a trunk (someone small in the picture, lying down: the whole
    /// frame gives MoveNet too few pixels of them), multipose locates the person and the model looks again on the crop
    /// around them (<see cref="Located"/>), after which the following keeps to them.
    /// </summary>
    private List<Pose> Single(RgbImage image, MoveNetModelRunner runner, bool cropWholeFrame, bool video,
        Pose? previous, PipelineClock clock, CancellationToken ct)
    {
        var found = DetectSingle(image, runner, cropWholeFrame, clock, ct);
        if (!video)
            return found;
        found = Better(Followed(image, runner, previous, clock), found);
        if (found.Count > 0 && HasTrunk(found[0].Keypoints))
            return found;
        ct.ThrowIfCancellationRequested();
        return Located(image, runner, clock) ?? found;
    }

    /// <summary>At least one shoulder and one hip seen: what a crop around the person is built from.</summary>
    private bool HasTrunk(IReadOnlyList<Keypoint> keypoints)
    {
        bool Seen(CocoKeypoint joint) => keypoints[(int)joint].Score >= _settings.KeypointThreshold;
        return (Seen(CocoKeypoint.LeftShoulder) || Seen(CocoKeypoint.RightShoulder))
            && (Seen(CocoKeypoint.LeftHip) || Seen(CocoKeypoint.RightHip));
    }

    /// <summary>
    /// The largest person multipose finds, looked at again by <paramref name="runner"/> on the crop around them;
    /// null when multipose finds no one or the second look shows no trunk.
    /// </summary>
    private List<Pose>? Located(RgbImage image, MoveNetModelRunner runner, PipelineClock clock)
    {
        var candidates = WholeImageMultipose(image, Runner(ModelCatalog.MoveNetMultipose),
            Math.Min(_settings.CandidateScore, _settings.MinPoseScore), clock);
        if (candidates.Count == 0 || runner.InputSize is not { } size)
            return null;
        // The largest person, as someone filming themselves fills more of the picture than a bystander.
        var best = candidates.MaxBy(c => Area(c.Box))!;
        var crop = CropRegion.AroundKeypoints(best.Keypoints, image.Width, image.Height, _settings.KeypointThreshold,
            size) ?? CropRegion.AroundBox(best.Box, size);
        var pose = LookAt(image, runner, crop, clock);
        return pose.Score < _settings.MinPoseScore || !HasTrunk(pose.Keypoints) ? null : [pose];
    }

    /// <summary>
    /// MoveNet on video: one pass on the crop around the person of the frame before (the crop MoveNet's own video
    /// pipeline takes), which keeps to that person when someone else is in the picture and sees them larger than the
    /// whole frame would. Null, so that the frame is looked at whole, when there was nobody before, their trunk was not
    /// seen, or the crop finds no one.
    /// </summary>
    private List<Pose>? Followed(RgbImage image, MoveNetModelRunner runner, Pose? previous, PipelineClock clock)
    {
        if (previous is null || runner.InputSize is not { } size
            || CropRegion.AroundKeypoints([.. previous.Keypoints], image.Width, image.Height,
                _settings.KeypointThreshold, size) is not { } crop)
            return null;
        var pose = LookAt(image, runner, crop, clock);
        return pose.Score < _settings.MinPoseScore ? null : [pose];
    }

    /// <summary>The person <paramref name="runner"/> finds in <paramref name="crop"/>, in pixels of the image.</summary>
    private Pose LookAt(RgbImage image, MoveNetModelRunner runner, InputWindow crop, PipelineClock clock)
    {
        var keypoints = MoveNetPostprocessing.ReadKeypoints(runner.Run(image, crop, clock), crop);
        return new Pose(keypoints, MoveNetPostprocessing.PoseScore(keypoints, _settings.KeypointThreshold),
            MoveNetPostprocessing.KeypointBox(keypoints, _settings.KeypointThreshold, image.Width, image.Height));
    }

    /// <summary>
    /// Of the person followed from the frame before and the one found afresh, the fresh one where nobody was followed;
    /// where it is the same person (their boxes overlap as <see cref="CoveredOverlap"/> says) and scores higher; or
    /// where it is someone larger (a person filming themselves fills more of the picture than a bystander). So someone
    /// else in the picture does not take over because they are seen more clearly for a moment, and the following
    /// returns to the person exercising if it ever went to someone smaller.
    /// </summary>
    private static List<Pose> Better(List<Pose>? followed, List<Pose> fresh)
    {
        if (followed is null) return fresh;
        if (fresh.Count == 0) return followed;
        var same = CenterNetObjectDetector.Iou(fresh[0].Box, followed[0].Box) >= CoveredOverlap;
        return (same && fresh[0].Score > followed[0].Score) || (!same && Area(fresh[0].Box) > Area(followed[0].Box))
            ? fresh : followed;
    }

    private static float Area(BoundingBox box) => box.Width * box.Height;

    /// <param name="cropWholeFrame">Whether a crop nearly as large as the whole image still gets its pass (see
    /// <see cref="SecondPassMaxShare"/>).</param>
    private List<Pose> DetectSingle(RgbImage image, MoveNetModelRunner runner, bool cropWholeFrame, PipelineClock clock,
        CancellationToken ct)
    {
        var size = runner.InputSize ?? throw new InvalidOperationException(
            "A single-pose model must have a square input.");
        var whole = InputWindow.Letterbox(image.Width, image.Height, size);
        var best = MoveNetPostprocessing.ReadKeypoints(runner.Run(image, whole, clock), whole);
        var bestScore = MoveNetPostprocessing.PoseScore(best, _settings.KeypointThreshold);

        ct.ThrowIfCancellationRequested();
        if (CropRegion.AroundKeypoints(best, image.Width, image.Height, _settings.KeypointThreshold, size) is { } crop
            && (cropWholeFrame || crop.Width < SecondPassMaxShare * whole.Width))
        {
            var refined = MoveNetPostprocessing.ReadKeypoints(runner.Run(image, crop, clock), crop);
            var refinedScore = MoveNetPostprocessing.PoseScore(refined, _settings.KeypointThreshold);
            if (refinedScore >= bestScore)
                (best, bestScore) = (refined, refinedScore);
        }

        if (bestScore < _settings.MinPoseScore)
            return [];
        return [new Pose(best, bestScore, MoveNetPostprocessing.KeypointBox(best, _settings.KeypointThreshold,
            image.Width, image.Height))];
    }

    /// <summary>
    /// Multipose's people scoring at least <paramref name="minScore"/> in the whole image, letterboxed into a square as
    /// a graph fixed to a square takes it. Tried on the free graph: the photo at its own aspect ratio, padded at the
    /// bottom and right, lost OKS 0.608 -> 0.563 on the people/more photos MoveNet never saw (bench/RESULTS.md, "A
    /// second, larger multipose look").
    /// </summary>
    private static IReadOnlyList<MultiposeCandidate> WholeImageMultipose(RgbImage image, MoveNetModelRunner multipose,
        float minScore, PipelineClock clock)
    {
        var window = InputWindow.Letterbox(image.Width, image.Height, multipose.InputSize ?? MultiposeSide);
        return MoveNetPostprocessing.ReadMultipose(multipose.Run(image, window, clock), window, minScore);
    }

    private List<Pose> DetectMultiple(RgbImage image, bool refine, PipelineClock clock, CancellationToken ct)
    {
        var multipose = Runner(ModelCatalog.MoveNetMultipose);
        var minCandidate = refine ? Math.Min(_settings.CandidateScore, _settings.MinPoseScore) : _settings.MinPoseScore;
        var candidates = WholeImageMultipose(image, multipose, minCandidate, clock);
        var thunder = refine && candidates.Count > 0 ? Runner(ModelCatalog.MoveNetThunder) : null;

        var people = new List<Pose>(candidates.Count);
        foreach (var candidate in candidates)
        {
            ct.ThrowIfCancellationRequested();
            // A refinement that drifted to a neighbour leaves multipose's own view of this person.
            var refined = thunder is null ? null : Refine(image, candidate, thunder, clock);
            people.Add(refined ?? new Pose(candidate.Keypoints, candidate.Score,
                Clip(candidate.Box, image.Width, image.Height)));
        }
        if (!refine)
        {
            people.Sort((a, b) => b.Score.CompareTo(a.Score));
            return people;
        }
        AddDetectorPeople(image, people, clock, ct);
        // Duplicates resolve in favour of the first two passes: a person the larger look also finds, at a higher score
        // but drawn from a coarser candidate, does not replace the pose already found.
        var earlier = people.Count;
        AddDetailPeople(image, multipose, minCandidate, people, clock, ct);
        var ranked = people.Take(earlier).OrderByDescending(p => p.Score)
            .Concat(people.Skip(earlier).OrderByDescending(p => p.Score)).ToList();
        var kept = WithoutDuplicates(ranked);
        kept.Sort((a, b) => b.Score.CompareTo(a.Score));
        return kept;
    }

    /// <summary>
    /// Multipose again at a larger input (<see cref="InferenceOptions.MultiposeDetailSide"/>), where people a few
    /// dozen pixels tall in a 256 px look get enough pixels to be found; each one no pose so far covers is refined
    /// by thunder like the first look's people.
    /// </summary>
    private void AddDetailPeople(RgbImage image, MoveNetModelRunner multipose, float minCandidate, List<Pose> found,
        PipelineClock clock, CancellationToken ct)
    {
        var side = Math.Min(_settings.MultiposeDetailSide,
            InputWindow.RoundUp(Math.Max(image.Width, image.Height), InputWindow.MultiposeStride));
        if (multipose.InputSize is not null || side <= MultiposeSide)
            return;
        ct.ThrowIfCancellationRequested();
        var window = InputWindow.Multipose(image.Width, image.Height, side);
        var candidates = MoveNetPostprocessing.ReadMultipose(multipose.Run(image, window, clock), window, minCandidate);
        var thunder = Runner(ModelCatalog.MoveNetThunder);
        foreach (var candidate in candidates)
        {
            ct.ThrowIfCancellationRequested();
            if (Covered(found, candidate.Box))
                continue;
            found.Add(Refine(image, candidate, thunder, clock) ?? new Pose(candidate.Keypoints, candidate.Score,
                Clip(candidate.Box, image.Width, image.Height)));
        }
    }

    /// <summary>
    /// CenterNet person boxes that no pose found so far covers: thunder on a crop around each, kept when it finds a
    /// person that stays inside the box.
    /// </summary>
    private void AddDetectorPeople(RgbImage image, List<Pose> found, PipelineClock clock, CancellationToken ct)
    {
        if (people is null || !people.IsAvailable || _settings.PersonBoxScore >= 1)
            return;
        var started = Stopwatch.GetTimestamp();
        var boxes = people.Detect(image, _settings.PersonBoxScore).Where(o => o.Label == "person").ToList();
        clock.InferenceMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        clock.Runs++;
        var thunder = Runner(ModelCatalog.MoveNetThunder);
        var size = thunder.InputSize ?? throw new InvalidOperationException("Thunder must have a square input.");
        foreach (var box in boxes.Select(b => b.Box))
        {
            ct.ThrowIfCancellationRequested();
            if (Covered(found, box))
                continue;
            var crop = CropRegion.AroundBox(box, size);
            var keypoints = MoveNetPostprocessing.ReadKeypoints(thunder.Run(image, crop, clock), crop);
            var score = MoveNetPostprocessing.PoseScore(keypoints, _settings.KeypointThreshold);
            if (score < _settings.CandidateScore || !MostlyInside(keypoints, box))
                continue;
            found.Add(new Pose(keypoints, score, MoveNetPostprocessing.KeypointBox(keypoints,
                _settings.KeypointThreshold, image.Width, image.Height)));
        }
    }

    /// <summary>Whether a pose found so far covers <paramref name="box"/> (see <see cref="CoveredOverlap"/>).</summary>
    private static bool Covered(List<Pose> found, BoundingBox box) =>
        found.Any(p => CenterNetObjectDetector.Iou(p.Box, box) >= CoveredOverlap);

    private bool MostlyInside(IReadOnlyList<Keypoint> keypoints, BoundingBox box)
    {
        float gx = box.Width / 8, gy = box.Height / 8;
        var confident = keypoints.Where(k => k.Score >= _settings.KeypointThreshold).ToList();
        if (confident.Count == 0) return false;
        var inside = confident.Count(k => k.X >= box.X - gx && k.X <= box.X + box.Width + gx && k.Y >= box.Y - gy
            && k.Y <= box.Y + box.Height + gy);
        return inside >= InsideShare * confident.Count;
    }

    /// <summary>
    /// Two candidates refined onto the same person: keep the better-scoring pose (people are sorted by score).
    /// </summary>
    private List<Pose> WithoutDuplicates(List<Pose> people)
    {
        var kept = new List<Pose>(people.Count);
        foreach (var pose in people)
        {
            if (!kept.Any(k => Similarity(pose.Keypoints, k) >= DuplicateSimilarity))
                kept.Add(pose);
        }
        return kept;
    }

    /// <summary>
    /// OKS of <paramref name="keypoints"/> against the confident keypoints of <paramref name="reference"/>, at its
    /// box's scale.
    /// </summary>
    private double Similarity(IReadOnlyList<Keypoint> keypoints, Pose reference)
    {
        var labelled = reference.Keypoints
            .Select(k => new LabelledKeypoint(k.X, k.Y, k.Score >= _settings.KeypointThreshold ? 2 : 0))
            .ToArray();
        var area = Math.Max(reference.Box.Width * reference.Box.Height, 1);
        return PoseAccuracy.Oks(keypoints, labelled, area);
    }

    /// <returns>The thunder pose on the candidate's crop, or null when it drifted to someone else.</returns>
    private Pose? Refine(RgbImage image, MultiposeCandidate candidate, MoveNetModelRunner thunder, PipelineClock clock)
    {
        if (candidate.Keypoints.Count(k => k.Score >= _settings.KeypointThreshold) < MinAgreementKeypoints)
            return null;
        var size = thunder.InputSize ?? throw new InvalidOperationException("Thunder must have a square input.");
        var crop = CropRegion.AroundKeypoints(candidate.Keypoints, image.Width, image.Height,
            _settings.KeypointThreshold, size)
            ?? CropRegion.AroundBox(candidate.Box, size);
        var refined = MoveNetPostprocessing.ReadKeypoints(thunder.Run(image, crop, clock), crop);

        // In crowded crops thunder may lock onto a neighbour: compare with what multipose saw (its confident keypoints,
        // at its box's scale).
        var seen = new Pose(candidate.Keypoints, candidate.Score, candidate.Box);
        if (!(Similarity(refined, seen) >= RefinementAgreement))
            return null;

        var score = MoveNetPostprocessing.PoseScore(refined, _settings.KeypointThreshold);
        return new Pose(refined, score, MoveNetPostprocessing.KeypointBox(refined, _settings.KeypointThreshold,
            image.Width, image.Height));
    }

    private MoveNetModelRunner Runner(ModelDescriptor model) =>
        _runners.GetOrAdd(model, m => new Lazy<MoveNetModelRunner>(() => new MoveNetModelRunner(host.GetSession(m))))
            .Value;

    private static BoundingBox Clip(BoundingBox box, int width, int height)
    {
        var left = Math.Clamp(box.X, 0, width);
        var top = Math.Clamp(box.Y, 0, height);
        var right = Math.Clamp(box.X + box.Width, 0, width);
        var bottom = Math.Clamp(box.Y + box.Height, 0, height);
        return new BoundingBox(left, top, right - left, bottom - top);
    }

    public void Dispose()
    {
        foreach (var runner in _runners.Values.Where(r => r.IsValueCreated))
            runner.Value.Dispose();
    }
}
