namespace PoseGen.Core.Errors;

/// <summary>Whose capacity is used up: the server's for everyone, or one user's own share.</summary>
public enum BusyScope
{
    Server,
    User,
}
