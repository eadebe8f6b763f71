using PoseGen.Core.Poses.Similarity;

namespace PoseGen.Core.Poses.Feedback;

/// <summary>
/// One thing to change, in plain words from the user's own point of view ("your left knee" is the knee on the user's
/// left, whichever side of the photo it is on). DeltaDeg = candidate - reference for the angle it came from. Importance
/// orders corrections (highest first): the score points the correction would gain when those were estimated
/// (<see cref="CorrectionEffect"/>), else degrees off weighted by confidence and body part.
/// </summary>
public sealed record Correction(string Text, AngleKind Kind, BodySide Side, double DeltaDeg, double Importance);

/// <summary>
/// The most important corrections (most important first), what already matches, and an optional note.
/// </summary>
public sealed record PoseFeedback(IReadOnlyList<Correction> Corrections, IReadOnlyList<string> Good, string? Note);
