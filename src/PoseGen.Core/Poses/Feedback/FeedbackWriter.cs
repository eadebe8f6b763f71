using System.Globalization;
using PoseGen.Core.Poses.Similarity;

namespace PoseGen.Core.Poses.Feedback;

/// <summary>
/// Turns a <see cref="PoseSimilarity"/> into sentences. Sides come from the keypoint labels, which name the person's
/// own left and right (a detector labels anatomically, so a person facing the camera has the left shoulder on image
/// right); the trunk lean is already measured in the body's frame (<see cref="JointAngles.Lean"/>). When the alignment
/// used the mirrored candidate, its labels are the anatomical ones for a mirrored photo, so no further swap is needed.
/// </summary>
public static class FeedbackWriter
{
    public static PoseFeedback Describe(PoseSimilarity similarity, FeedbackOptions? options = null) =>
        Describe(similarity, null, options);

    /// <param name="scoreGains">Score points each angle's correction would gain
    /// (<see cref="CorrectionEffect.ScoreGains"/>): when given, corrections come in that order, the one that helps the
    /// score most first; without it, by degrees off weighted by confidence and by <see cref="Priority"/>.</param>
    public static PoseFeedback Describe(PoseSimilarity similarity, IReadOnlyDictionary<string, double>? scoreGains,
        FeedbackOptions? options = null)
    {
        options ??= FeedbackOptions.Default;
        var usable = similarity.Angles.Where(a => a.Weight >= options.MinWeight).ToList();
        var corrections = usable
            .Where(a => Math.Abs(a.DeltaDeg) >= options.ToleranceDeg)
            .Select(a => new Correction(Sentence(a), a.Kind, a.Side, a.DeltaDeg,
                scoreGains is null ? Math.Abs(a.DeltaDeg) * a.Weight * Priority(a.Kind)
                    : scoreGains.GetValueOrDefault(a.Name)))
            .OrderByDescending(c => c.Importance)
            .Take(options.MaxCorrections)
            .ToList();
        var good = usable.Where(a => Math.Abs(a.DeltaDeg) < options.ToleranceDeg)
            .OrderBy(a => a.Kind).ThenBy(a => a.Side)
            .Select(a => $"Your {Part(a)} matches the reference.")
            .ToList();
        var note = similarity.Alignment.Mirrored
            ? "Your photo looks mirrored (like a selfie preview); left and right above refer to your own body."
            : null;
        return new PoseFeedback(corrections, good, note);
    }

    /// <summary>Trunk first (it moves everything above it), then the big leg and arm joints, elbows last.</summary>
    private static double Priority(AngleKind kind) => kind switch
    {
        AngleKind.TrunkLean => 1.2,
        AngleKind.Elbow => 0.8,
        _ => 1.0,
    };

    private static string Side(BodySide side) => side == BodySide.Left ? "left" : "right";

    private static string Part(AngleComparison a) => a.Kind switch
    {
        AngleKind.Elbow => $"{Side(a.Side)} elbow",
        AngleKind.Knee => $"{Side(a.Side)} knee",
        AngleKind.Hip => $"{Side(a.Side)} hip",
        AngleKind.Shoulder => $"{Side(a.Side)} arm height",
        _ => "torso lean",
    };

    /// <summary>Degrees rounded to the nearest 5 (at least 5): feedback to act on, not a measurement.</summary>
    private static string About(double degrees) =>
        string.Create(CultureInfo.InvariantCulture,
            $"about {Math.Max(5, Math.Round(Math.Abs(degrees) / 5) * 5):0} degrees");

    public static string Sentence(AngleComparison a)
    {
        var side = Side(a.Side);
        var about = About(a.DeltaDeg);
        var tooSmall = a.DeltaDeg < 0;
        switch (a.Kind)
        {
            case AngleKind.Knee or AngleKind.Elbow:
                var joint = a.Kind == AngleKind.Knee ? "knee" : "elbow";
                return tooSmall
                    ? $"Straighten your {side} {joint} {about}." : $"Bend your {side} {joint} {about} more.";
            case AngleKind.Hip:
                return tooSmall ? $"Bend less at your {side} hip, {about}." : $"Bend more at your {side} hip, {about}.";
            case AngleKind.Shoulder:
                var atShoulderHeight = a.ReferenceDeg is >= 75 and <= 105;
                if (tooSmall)
                    return atShoulderHeight ? $"Raise your {side} arm to shoulder height."
                        : a.ReferenceDeg >= 150
                        ? $"Raise your {side} arm overhead." : $"Raise your {side} arm {about}.";
                return atShoulderHeight ? $"Lower your {side} arm to shoulder height."
                    : a.ReferenceDeg <= 30 ? $"Lower your {side} arm to your side." : $"Lower your {side} arm {about}.";
            default:
                return a.Plane == LeanPlane.Sagittal ? SagittalLean(a, about) : LateralLean(a, about);
        }
    }

    /// <summary>Lateral lean: positive = toward the person's own left.</summary>
    private static string LateralLean(AngleComparison a, string about)
    {
        if (a.DeltaDeg > 0)
            return a.CandidateDeg > 0
                ? $"Lean your torso less to the left, {about}." : $"Lean your torso more to the right, {about}.";
        return a.CandidateDeg < 0
            ? $"Lean your torso less to the right, {about}." : $"Lean your torso more to the left, {about}.";
    }

    /// <summary>Sagittal lean: positive = forward.</summary>
    private static string SagittalLean(AngleComparison a, string about)
    {
        if (Math.Abs(a.ReferenceDeg) < 5) return $"Stand more upright, {about}.";
        if (a.DeltaDeg > 0)
            return a.CandidateDeg > 0 ? $"Lean forward less, {about}." : $"Lean back more, {about}.";
        return a.CandidateDeg < 0 ? $"Lean back less, {about}." : $"Lean further forward, {about}.";
    }
}
