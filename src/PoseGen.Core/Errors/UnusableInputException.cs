namespace PoseGen.Core.Errors;

/// <summary>
/// The input is well formed but cannot be used for this (a photo with nobody in it, an analysis without a person).
/// </summary>
public sealed class UnusableInputException(string message) : UserFacingException(message);
