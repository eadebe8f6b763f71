namespace PoseGen.Core.Errors;

/// <summary>The request clashes with the current state of what it names (deleting a job that is running).</summary>
public sealed class ConflictException(string message) : UserFacingException(message);
