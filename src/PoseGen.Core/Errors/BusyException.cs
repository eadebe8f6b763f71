namespace PoseGen.Core.Errors;

/// <summary>
/// Not a failure of the request: capacity is used up for now, and the caller should try again after
/// <see cref="RetryAfter"/>. <see cref="Scope"/> says whether it is the server's capacity or the user's own share.
/// </summary>
public class BusyException(string message, TimeSpan retryAfter,
    BusyScope scope = BusyScope.Server) : UserFacingException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public BusyScope Scope { get; } = scope;
}
