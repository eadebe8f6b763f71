namespace PoseGen.Core.History;

/// <summary>What a history entry records. Stored by name, so new kinds can be appended freely.</summary>
public enum ActivityKind { Analysis, Comparison, Workout, Recommendation, Generation, ContextClassification }
