using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Poses.Similarity;

/// <summary>
/// Aligns a candidate onto a reference (torso-anchored, see <see cref="PoseAligner"/>) and scores the match.
/// </summary>
public static class PoseComparer
{
    public static PoseSimilarity? Compare(Pose reference, Pose candidate, SimilarityOptions? options = null) =>
        Compare(reference.Keypoints, candidate.Keypoints, KeypointLayout.Coco17, options);

    /// <returns>The comparison, or null when the poses share fewer than two seen joints.</returns>
    public static PoseSimilarity? Compare(IReadOnlyList<Keypoint> reference, IReadOnlyList<Keypoint> candidate,
        KeypointLayout layout, SimilarityOptions? options = null)
    {
        options ??= SimilarityOptions.Default;
        var minScore = options.Alignment.MinScore;
        if (PoseAligner.Align(reference, candidate, layout, options.Alignment) is not { } alignment) return null;
        var aligned = alignment.AlignedCandidate;
        var torso = alignment.ReferenceTorso;

        var angles = new List<AngleComparison>();
        foreach (var definition in JointAngles.Definitions)
        {
            if (JointAngles.Measure(reference, layout, definition, minScore) is not { } r
                || JointAngles.Measure(aligned, layout, definition, minScore) is not { } c)
                continue;
            angles.Add(new AngleComparison(definition.Name, definition.Kind, definition.Side, r.Degrees, c.Degrees,
                c.Degrees - r.Degrees, Math.Sqrt(r.Confidence * c.Confidence)));
        }
        // The torso anchors the alignment, so its lean is read from each unaligned image against that image's vertical
        // (photos are assumed upright); the mirrored candidate is used when the alignment chose it.
        var rawCandidate = alignment.Mirrored ? BodyFrame.Mirror(candidate, layout) : candidate;
        if (JointAngles.Lean(reference, layout, minScore) is { } rl
            && JointAngles.Lean(rawCandidate, layout, minScore) is { } cl
            && rl.Plane == cl.Plane)
            angles.Add(new AngleComparison("trunk_lean", AngleKind.TrunkLean, BodySide.Centre, rl.Degrees, cl.Degrees,
                cl.Degrees - rl.Degrees, Math.Sqrt(rl.Confidence * cl.Confidence)) { Plane = rl.Plane });

        var joints = new List<JointError>();
        double oksSum = 0;
        var oksCount = 0;
        var area = options.AreaPerTorsoSquared * torso * torso;
        for (var i = 0; i < layout.Count; i++)
        {
            var seenReference = BodyFrame.IsSeen(reference[i], minScore);
            var seenCandidate = BodyFrame.IsSeen(aligned[i], minScore);
            double? distance = null;
            if (seenReference && seenCandidate)
                distance = Math.Sqrt(Math.Pow(aligned[i].X - reference[i].X, 2)
                    + Math.Pow(aligned[i].Y - reference[i].Y, 2));
            if (seenReference)
            {
                // COCO OKS term exp(-d² / (2 s² k²)) with k = 2σ (cocoapi); an unseen candidate joint scores 0.
                var k = 2 * layout.Sigmas[i];
                oksSum += distance is { } d ? Math.Exp(-(d * d) / (2 * area * k * k)) : 0;
                oksCount++;
            }
            var joint = layout.Joints[i];
            var angle = angles.FirstOrDefault(a => a.Kind != AngleKind.TrunkLean && VertexOf(a) == joint);
            joints.Add(new JointError(layout.Names[i], joint, distance / torso, angle?.DeltaDeg));
        }
        var oks = oksCount == 0 ? 0 : oksSum / oksCount;

        var weight = angles.Sum(a => a.Weight);
        var sigma = options.AngleSigmaDeg;
        double? angleSimilarity = weight <= 0 ? null
            : angles.Sum(a => a.Weight * Math.Exp(-(a.DeltaDeg * a.DeltaDeg) / (2 * sigma * sigma))) / weight;
        var score = 100 * (angleSimilarity is { } s ? (oks + s) / 2 : oks);
        return new PoseSimilarity(score, oks, angleSimilarity ?? oks, alignment, angles, joints, layout);
    }

    private static BodyJoint VertexOf(AngleComparison angle) =>
        JointAngles.Definitions.First(d => d.Kind == angle.Kind && d.Side == angle.Side).Vertex;
}
