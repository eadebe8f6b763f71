namespace PoseGen.Core.Errors;

/// <summary>
/// An expected failure that the user can act on, named by what it means (not found, invalid, unusable, conflicting, too
/// large, unavailable, busy). Its message is written for the user and safe to show. The web host turns each kind into a
/// status code in one place (ExceptionStatus); services and use cases never name a status code.
/// </summary>
public abstract class UserFacingException(string message) : Exception(message);
