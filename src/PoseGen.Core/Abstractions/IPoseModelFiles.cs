namespace PoseGen.Core.Abstractions;

/// <summary>
/// The single-person pose models as files, for pages that run them in the browser: whether each is installed here, and
/// where. Only <see cref="PoseModelKind.Lightning"/> and <see cref="PoseModelKind.Thunder"/> are served this way.
/// </summary>
public interface IPoseModelFiles
{
    /// <summary>The installed model file; null when it is not installed or is not a single-person model.</summary>
    string? PathOf(PoseModelKind model);
}
