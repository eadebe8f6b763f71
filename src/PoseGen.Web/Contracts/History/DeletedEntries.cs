namespace PoseGen.Web.Contracts.History;

/// <summary>
/// What a delete did: how many entries, and the token that undoes exactly this delete until <see cref="UndoUntilUtc"/>.
/// </summary>
public sealed record DeletedEntries(int Count, string UndoToken, DateTime UndoUntilUtc);
