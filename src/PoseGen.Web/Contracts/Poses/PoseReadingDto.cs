namespace PoseGen.Web.Contracts.Poses;

/// <summary>
/// The plain-words reading of one person of an analysis (<c>Person</c>: index in the analysis' people).
/// </summary>
public sealed record PoseReadingDto(
    int Person, IReadOnlyList<PoseGen.Core.Poses.Reading.AngleReading> Angles, IReadOnlyList<string> Observations);
