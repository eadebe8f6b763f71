namespace PoseGen.Web.Tests.Infrastructure;

/// <summary>
/// The system clock moved by <see cref="Offset"/>, for tests that need time to pass at once (an undo window closing).
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
