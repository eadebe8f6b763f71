namespace PoseGen.Application.Workouts;

/// <summary>
/// How far a clip's analysis is: the <see cref="Fraction"/> in [0, 1] of the current pass over the clip, and which
/// pass it is (<see cref="Reading"/>, or <see cref="Turned"/> when the picture is tried turned a quarter).
/// </summary>
public readonly record struct AnalysisProgress(double Fraction, string Stage)
{
    /// <summary>The clip read as stored.</summary>
    public const string Reading = "reading";

    /// <summary>The clip read again turned a quarter: the exercise could not be read as stored (it may be sideways).
    /// </summary>
    public const string Turned = "turned";
}
