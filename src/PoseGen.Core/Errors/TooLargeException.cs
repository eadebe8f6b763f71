namespace PoseGen.Core.Errors;

/// <summary>An upload above the size the feature accepts; the message says the limit.</summary>
public sealed class TooLargeException(string message) : UserFacingException(message);
