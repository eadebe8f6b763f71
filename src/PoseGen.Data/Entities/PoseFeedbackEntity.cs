using PoseGen.Core.Recommendations;

namespace PoseGen.Data.Entities;

/// <summary>
/// A user's latest feedback on one library pose (like, not for me, done it); one row per user and pose.
/// </summary>
public sealed class PoseFeedbackEntity
{
    public required string UserId { get; set; }

    /// <summary>The library pose id (PoseLibrary ids are stable strings such as "warrior-2").</summary>
    public required string PoseId { get; set; }

    public FeedbackKind Kind { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
