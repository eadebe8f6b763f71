namespace PoseGen.Core.Errors;

/// <summary>
/// The request breaks a rule of its own fields; <see cref="Field"/> names the one to fix when there is one.
/// </summary>
public sealed class InvalidInputException(string message, string? field = null) : UserFacingException(message)
{
    public string? Field { get; } = field;
}
