namespace PoseGen.Core.Poses.Feedback;

public sealed record FeedbackOptions
{
    public int MaxCorrections { get; init; } = 3;

    /// <summary>An angle within this many degrees of the reference counts as good, beyond it as a correction.</summary>
    public double ToleranceDeg { get; init; } = 12;

    /// <summary>Angles whose joints were seen with less combined confidence than this are not commented on.</summary>
    public double MinWeight { get; init; } = 0.3;

    public static FeedbackOptions Default { get; } = new();
}
