using PoseGen.Core.Poses.Alignment;

namespace PoseGen.Core.Poses.Similarity;

/// <summary>
/// What fixing one angle would do to the score: the candidate is changed as a person would change it (the limb below
/// the angle's vertex turned about the vertex until the angle equals the reference's; for the trunk lean, everything
/// above the hips turned about the hip centre) and compared again. The difference is in score points, so corrections
/// can be ordered by how much each one helps rather than by degrees (a 130° elbow matters less than a 60° knee that
/// moves the whole shin). No constant here is fitted: it reuses <see cref="PoseComparer"/> as it is.
/// </summary>
public static class CorrectionEffect
{
    /// <returns>Score points gained per angle name of <paramref name="similarity"/> (negative when the change
    /// hurts).</returns>
    public static IReadOnlyDictionary<string, double> ScoreGains(IReadOnlyList<Keypoint> reference,
        IReadOnlyList<Keypoint> candidate,
        PoseSimilarity similarity, SimilarityOptions? options = null)
    {
        options ??= SimilarityOptions.Default;
        var layout = similarity.Layout;
        // The side the alignment chose, fixed, so that every variant is compared the same way as the baseline.
        var basis = similarity.Alignment.Mirrored ? BodyFrame.Mirror(candidate, layout) : [.. candidate];
        var fixedSide = options with { Alignment = options.Alignment with { TryMirror = false } };
        if (PoseComparer.Compare(reference, basis, layout, fixedSide) is not { } baseline)
            return new Dictionary<string, double>();
        var gains = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var angle in similarity.Angles)
        {
            var corrected = Corrected(reference, basis, layout, angle, fixedSide.Alignment.MinScore);
            if (corrected is not null && PoseComparer.Compare(reference, corrected, layout, fixedSide) is { } after)
                gains[angle.Name] = after.Score - baseline.Score;
        }
        return gains;
    }

    /// <summary>
    /// The candidate with one angle set to the reference's: of the two ways to turn, the one that lands closer.
    /// </summary>
    private static Keypoint[]? Corrected(IReadOnlyList<Keypoint> reference, Keypoint[] basis, KeypointLayout layout,
        AngleComparison angle, double minScore)
    {
        if (angle.Kind == AngleKind.TrunkLean)
        {
            if (BodyFrame.HipCentre(basis, layout, minScore) is not { } hips) return null;
            var upper = Enumerable.Range(0, layout.Count).Where(i => !LowerBody.Contains(layout.Joints[i])).ToArray();
            return Closest(basis, hips, upper, angle.DeltaDeg, p => JointAngles.Lean(p, layout, minScore) is { } l
                ? l.Degrees : null,
                JointAngles.Lean(reference, layout, minScore)?.Degrees);
        }
        var definition = JointAngles.Definitions.First(d => d.Kind == angle.Kind && d.Side == angle.Side);
        if (!BodyFrame.TryGet(basis, layout, definition.Vertex, out var vertex, minScore)) return null;
        var distal = Distal(angle.Kind, angle.Side).Select(layout.IndexOf).Where(i => i >= 0).ToArray();
        return Closest(basis, (vertex.X, vertex.Y), distal, angle.DeltaDeg,
            p => JointAngles.Measure(p, layout, definition, minScore)?.Degrees, angle.ReferenceDeg);
    }

    private static Keypoint[]? Closest(Keypoint[] pose, (double X, double Y) pivot, int[] joints, double deltaDeg,
        Func<Keypoint[], double?> measure, double? target)
    {
        if (target is not { } t) return null;
        return new[] { Rotate(pose, pivot, joints, deltaDeg), Rotate(pose, pivot, joints, -deltaDeg) }
            .Select(p => (Pose: p, Miss: measure(p) is { } m ? Math.Abs(m - t) : double.MaxValue))
            .MinBy(x => x.Miss).Pose;
    }

    private static Keypoint[] Rotate(Keypoint[] pose, (double X, double Y) pivot, int[] joints, double degrees)
    {
        var result = (Keypoint[])pose.Clone();
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        foreach (var i in joints)
        {
            double dx = pose[i].X - pivot.X, dy = pose[i].Y - pivot.Y;
            result[i] = pose[i] with { X = (float)(pivot.X + (dx * cos) - (dy * sin)),
                Y = (float)(pivot.Y + (dx * sin) + (dy * cos)) };
        }
        return result;
    }

    private static readonly HashSet<BodyJoint> LowerBody =
        [BodyJoint.LeftHip, BodyJoint.RightHip, BodyJoint.LeftKnee, BodyJoint.RightKnee, BodyJoint.LeftAnkle,
            BodyJoint.RightAnkle];

    /// <summary>The joints that move with the far segment of an angle (everything beyond its vertex).</summary>
    private static BodyJoint[] Distal(AngleKind kind, BodySide side)
    {
        var left = side == BodySide.Left;
        return kind switch
        {
            AngleKind.Elbow => [left ? BodyJoint.LeftWrist : BodyJoint.RightWrist],
            AngleKind.Knee => [left ? BodyJoint.LeftAnkle : BodyJoint.RightAnkle],
            AngleKind.Hip => [left ? BodyJoint.LeftKnee : BodyJoint.RightKnee,
                left ? BodyJoint.LeftAnkle : BodyJoint.RightAnkle],
            _ => [left ? BodyJoint.LeftElbow : BodyJoint.RightElbow, left ? BodyJoint.LeftWrist : BodyJoint.RightWrist],
        };
    }
}
