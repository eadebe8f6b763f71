namespace PoseGen.Core.Errors;

/// <summary>
/// A feature that cannot work here until someone acts (models not installed); the message is the hint.
/// </summary>
public sealed class UnavailableException(string message) : UserFacingException(message);
