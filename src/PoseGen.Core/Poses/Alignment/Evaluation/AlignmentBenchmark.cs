namespace PoseGen.Core.Poses.Alignment.Evaluation;

/// <summary>
/// One row of the benchmark table; MSEs are in squared normalised image units (the seed's unit). AllJointFloor is the
/// all-joint MSE left by a perfect undoing of the camera change: the limb rotations, which alignment must keep.
/// </summary>
public sealed record BenchmarkRow(
    GlobalDistortion Distortion,
    CorruptionKind Corruption,
    AlignmentModel Model,
    int Trials,
    double TorsoMseBefore,
    double AllJointMseBefore,
    double TorsoMseAfter,
    double AllJointMseAfter,
    double AllJointFloor,
    int Failures);

/// <summary>
/// Runs the distortion protocol: each test pose is distorted, corrupted, aligned back onto the original with
/// <see cref="PoseAligner"/>, and scored by the torso MSE of the fitted transform applied to the clean distorted pose
/// (so a dropped or corrupted joint is still scored where the recovered camera change puts it). Distortions come from
/// one seeded sampler and corruptions from another, so every corruption variant sees the same distortions.
/// </summary>
public static class AlignmentBenchmark
{
    public static BenchmarkRow Run(IReadOnlyList<(double X, double Y)[]> testPoses, GlobalDistortion distortion,
        CorruptionKind corruption, AlignmentModel model, int repetitions, int seed)
    {
        var distortions = new GaussianSampler(seed);
        var corruptions = new GaussianSampler(seed + 1);
        var layout = KeypointLayout.OpenPose18;
        var allJoints = Enumerable.Range(0, DistortionProtocol.JointCount).ToArray();
        var options = new AlignmentOptions { Model = model, TryMirror = false };
        double before = 0, allBefore = 0, after = 0, allAfter = 0, floor = 0;
        var failures = 0;
        var trials = 0;
        for (var r = 0; r < repetitions; r++)
            foreach (var original in testPoses)
            {
                var (limbed, distorted) = DistortionProtocol.DistortInSteps(original, distortions, distortion);
                var observed = Corruption.Apply(distorted, corruption, corruptions);
                var alignment = PoseAligner.Align(ToLayout(original.Select(p =>
                    new Keypoint((float)p.X, (float)p.Y, 1f)), layout),
                    ToLayout(observed, layout), layout, options);
                var transform = alignment?.Transform ?? PlanarTransform.Identity;
                if (alignment is null) failures++;
                var recovered = distorted.Select(p => transform.Apply(p.X, p.Y)).ToArray();
                before += DistortionProtocol.MeanSquaredError(original, distorted, DistortionProtocol.TorsoJoints);
                allBefore += DistortionProtocol.MeanSquaredError(original, distorted, allJoints);
                after += DistortionProtocol.MeanSquaredError(original, recovered, DistortionProtocol.TorsoJoints);
                allAfter += DistortionProtocol.MeanSquaredError(original, recovered, allJoints);
                floor += DistortionProtocol.MeanSquaredError(original, limbed, allJoints);
                trials++;
            }
        return new BenchmarkRow(distortion, corruption, model, trials, before / trials, allBefore / trials,
            after / trials,
            allAfter / trials, floor / trials, failures);
    }

    /// <summary>The 14 protocol joints padded with the 4 missing face joints of OpenPose-18.</summary>
    public static Keypoint[] ToLayout(IEnumerable<Keypoint> body, KeypointLayout layout)
    {
        var keypoints = new Keypoint[layout.Count];
        var i = 0;
        foreach (var k in body) keypoints[i++] = k;
        return keypoints;
    }
}
