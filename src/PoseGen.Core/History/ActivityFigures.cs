namespace PoseGen.Core.History;

/// <summary>
/// The few numbers of a history entry that the dashboard adds up, kept in columns beside the entry's document so the
/// database can aggregate them: the exercise (or the pose practised), good and improper reps, a 0-100 score (a
/// comparison's score, a pose practice's best match) and the training time in seconds.
/// </summary>
public sealed record ActivityFigures(string? Exercise = null, int? GoodReps = null, int? ImproperReps = null,
    double? Score = null, double? Seconds = null);
