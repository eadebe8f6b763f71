namespace PoseGen.Core.Errors;

/// <summary>The thing asked for does not exist, or is not the caller's to see.</summary>
public sealed class NotFoundException(string message) : UserFacingException(message);
