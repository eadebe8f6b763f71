using System.ComponentModel.DataAnnotations;
using Microsoft.ML.OnnxRuntime;

namespace PoseGen.Inference;

/// <summary>Configuration section <c>Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    public ExecutionDevice Device { get; set; } = ExecutionDevice.Auto;

    /// <summary>CUDA device ordinal when CUDA is used.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Folder holding the converted models (<c>movenet-*.onnx</c>). Relative paths are resolved against the content
    /// root. Empty: <c>models/</c> under <see cref="PoseGen.Core.Hosting.AppRoot"/> (the repository's when run from a
    /// checkout, the one beside the binaries when published).
    /// </summary>
    public string? ModelsPath { get; set; }

    /// <summary>Threads one model run may use; 0 lets ONNX Runtime use one per physical core.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>Threads for running independent graph branches in parallel; 0 is ONNX Runtime's default.</summary>
    [Range(0, 256)]
    public int InterOpThreads { get; set; }

    public GraphOptimizationLevel GraphOptimizationLevel { get; set; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>
    /// Reuse one memory plan between runs with the same input shape (all MoveNet inputs are fixed per call).
    /// </summary>
    public bool EnableMemoryPattern { get; set; } = true;

    /// <summary>
    /// Let idle intra-op threads spin briefly waiting for work: lower latency per run, but CPU burnt between requests.
    /// </summary>
    public bool AllowThreadSpinning { get; set; } = true;

    /// <summary>
    /// Stop that spinning as soon as a session's last concurrent run returns (ONNX Runtime's
    /// session.force_spinning_stop). Every session has its own intra-op threads, so without this the threads of the
    /// model that just ran keep spinning while the next model runs: Auto (multipose, then thunder) took about twice
    /// multipose + thunder on 2 cores (bench/RESULTS.md, "Keypoints"). Spinning within a run, where it saves latency,
    /// is unaffected.
    /// </summary>
    public bool StopSpinningAfterRun { get; set; } = true;

    /// <summary>
    /// Keypoints scoring below this do not count towards a person's box and score (MoveNet's usual 0.3).
    /// </summary>
    [Range(0.0, 1.0)]
    public float KeypointThreshold { get; set; } = 0.3f;

    /// <summary>
    /// People whose mean confident-keypoint score is below this are dropped (the TF.js MoveNet default 0.25).
    /// </summary>
    [Range(0.0, 1.0)]
    public float MinPoseScore { get; set; } = 0.25f;

    /// <summary>
    /// Photos are decoded straight to at most this many pixels on their long side before detection; keypoints are then
    /// scaled back to the photo's own pixels. JPEG shrinks by 2, 4 or 8 while decoding, and libvips picks the largest
    /// shrink that still reaches this size: 1000 lets a 4000 px (12 MP) photo decode at a quarter scale, whereas 1024
    /// or 1600 would decode it at half scale (bench/RESULTS.md, 12 MP decode table). Refinement crops come from this
    /// image, so larger values give small people more detail at a higher decode cost.
    /// </summary>
    [Range(256, 8192)]
    public int DetectionMaxSide { get; set; } = 1000;

    /// <summary>
    /// Auto only, in place of <see cref="MinPoseScore"/>: multipose people scoring at least this are kept and refined
    /// with thunder. Lower because multipose under-scores occluded people (OCHuman fixture 003896: two overlapping
    /// players at 0.20 and 0.25) and Auto has a second look at each. Set after looking at that one fixture photo, not
    /// searched. Checked since on the 52 fixture photos of people/ and people/more/ (mean OKS over 150 people, all-in):
    /// 0.05 0.676, 0.1 0.675, 0.15 0.674, 0.2 0.659, 0.3 0.648; lower values return 13 (0.1) and 36 (0.05) more
    /// people nobody annotated. Leave-one-photo-out over those five (the value chosen on the other 51 photos, then
    /// scored on the one left out): 0.664 (unseen group 0.619, against 0.636 for 0.15 all-in), so the choice between
    /// 0.05 and 0.15 is noise on these photos and the value stays (bench/RESULTS.md, "More tries on people found or
    /// missed").
    /// </summary>
    [Range(0.0, 1.0)]
    public float CandidateScore { get; set; } = 0.15f;

    /// <summary>
    /// Auto only: CenterNet person boxes scoring at least this that no multipose person covers get a thunder pass of
    /// their own (small and overlapping people multipose misses); set 1 to switch the second detector off. Tuned on the
    /// 52 fixture photos of people/ and people/more/ (150 annotated people): 0.3 (the detector's usual display
    /// threshold, the first choice), 0.2 and 0.1 give mean OKS 0.595, 0.658 and 0.666. Leave-one-photo-out over those
    /// three picks 0.1 for every photo (mean OKS 0.666). 0.2 is kept, one point lower, because 0.1 adds low-confidence
    /// people that this metric (best match per annotated person) does not penalise but a user sees as stray skeletons.
    /// </summary>
    [Range(0.0, 1.0)]
    public float PersonBoxScore { get; set; } = 0.2f;

    /// <summary>
    /// Auto only: the long side, in pixels, of a second multipose look at the photo for people too small for the first
    /// (256x256, letterboxed), rounded up to a multiple of 32 and never more than the photo's own long side; people it
    /// finds that no earlier pass covers are added. 0 switches it off; so does a multipose graph of fixed input size.
    /// Chosen on the 52 fixture photos of people/ and people/more/ from off, 512, 640, 768 and 896 by mean OKS:
    /// 640 (unseen-by-MoveNet group 0.608 off -> 0.636; 768 and 896 tie with it, being capped at these photos' own
    /// 640 px); leave-one-photo-out picks 640 in every round, so its figures are the same (bench/RESULTS.md, "A
    /// second, larger multipose look").
    /// </summary>
    [Range(0, 2048)]
    public int MultiposeDetailSide { get; set; } = 640;
}
