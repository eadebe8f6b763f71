using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Core.Profiles;

namespace PoseGen.Core.Recommendations;

public enum FeedbackKind { Like, NotForMe, DoneIt }

/// <summary>
/// A user's reaction to a library pose (liked, not for me, done it): what the recommender learns from.
/// </summary>
public sealed record PoseReaction(string PoseId, FeedbackKind Kind);

/// <summary>
/// The situation the poses must fit, merged from the prompt, the photo and the user's chips. A chip (source User) for a
/// dimension replaces whatever the prompt or image said for it.
/// </summary>
public sealed record RecommendationContext(
    IReadOnlyList<ContextEstimate> Environment,
    IReadOnlyList<ContextEstimate> Outfit,
    IReadOnlyList<ContextEstimate> Goals,
    IReadOnlyList<ContextEstimate> Moods,
    IReadOnlyList<ContextEstimate> BodyFocus,
    IReadOnlyList<ContextEstimate> Limitations,
    bool NotOnFloor = false,
    int? MinutesAvailable = null)
{
    public static RecommendationContext None { get; } = new([], [], [], [], [], []);

    public static RecommendationContext FromPrompt(PromptContext prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new(prompt.Environment, prompt.Outfit, prompt.Goals, prompt.Moods, prompt.BodyFocus, prompt.Limitations,
            prompt.NotOnFloor is not null, prompt.MinutesAvailable);
    }

    /// <summary>
    /// Replaces a dimension with the user's chips (confidence 1, source User); an empty list leaves it as it was.
    /// </summary>
    public RecommendationContext WithChips(ContextDimension dimension, IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var chips = labels.Distinct().Select(l => new ContextEstimate(l, 1.0, ContextSource.User, ["chosen by you"]))
            .ToArray();
        if (chips.Length == 0) return this;
        return dimension switch
        {
            ContextDimension.Environment => this with { Environment = chips },
            ContextDimension.Outfit => this with { Outfit = chips },
            ContextDimension.Goal => this with { Goals = chips },
            ContextDimension.Mood => this with { Moods = chips },
            ContextDimension.BodyFocus => this with { BodyFocus = chips },
            _ => this with { Limitations = chips },
        };
    }
}

public sealed record RecommendationRequest(
    UserProfile Profile, RecommendationContext Context, Pose? CurrentPose = null,
    IReadOnlyList<PoseReaction>? Feedback = null, int Count = 8);

/// <summary>
/// Each part in [0, 1] except Feedback in [-1, 1]; null when the part does not apply (no photo, no tags, no feedback).
/// </summary>
public sealed record ScoreBreakdown(double Goal, double Level, double Context, double? Closeness, double? Preference,
    double? Feedback, double Total);

public sealed record Recommendation(LibraryPose Pose, double Score, ScoreBreakdown Breakdown,
    IReadOnlyList<string> Reasons);

/// <summary>
/// The ranked poses, the body proportions keypoints should be produced for, and how many poses the hard filters
/// removed.
/// </summary>
public sealed record RecommendationResult(IReadOnlyList<Recommendation> Poses, BodyProportions Proportions,
    int Considered, int Filtered, string? NearestToPhoto);
