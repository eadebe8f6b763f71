namespace PoseGen.Core.Poses.Feedback;

/// <summary>
/// How corrections are chosen. Design choices, none fitted to the fixtures (the values are as first committed, ff7fb99,
/// and have not changed); nothing in the fixtures labels which correction a coach would give, so there is no
/// leave-one-out figure to give.
/// </summary>
public sealed record FeedbackOptions
{
    /// <summary>
    /// Corrections given at once: a person acts on a few cues at a time (a coaching habit, not data).
    /// </summary>
    public int MaxCorrections { get; init; } = 3;

    /// <summary>An angle within this many degrees of the reference counts as good, beyond it as a correction: about
    /// what a person sees by eye and a keypoint model's angle noise allows, not fitted.</summary>
    public double ToleranceDeg { get; init; } = 12;

    /// <summary>Angles whose joints were seen with less combined confidence than this are not commented on: the same
    /// 0.3 the workout counter takes as a seen keypoint (exercises.json, minKeypointScore), not fitted.</summary>
    public double MinWeight { get; init; } = 0.3;

    public static FeedbackOptions Default { get; } = new();
}
