using PoseGen.Core.Profiles;

namespace PoseGen.Core.Context;

/// <summary>
/// What a prompt says about the situation. Each list is ranked by confidence. <see cref="Excluded"/> holds labels the
/// user ruled out ("not on the beach"); <see cref="NotOnFloor"/> is set when they ruled out getting on the ground.
/// </summary>
public sealed record PromptContext(
    IReadOnlyList<ContextEstimate> Environment,
    IReadOnlyList<ContextEstimate> Outfit,
    IReadOnlyList<ContextEstimate> Goals,
    IReadOnlyList<ContextEstimate> Moods,
    IReadOnlyList<ContextEstimate> BodyFocus,
    IReadOnlyList<ContextEstimate> Limitations,
    IReadOnlyList<(ContextDimension Dimension, ContextEstimate Estimate)> Excluded,
    ContextEstimate? NotOnFloor,
    int? MinutesAvailable,
    Level? LevelHint)
{
    public static PromptContext Empty { get; } = new([], [], [], [], [], [], [], null, null, null);

    /// <summary>
    /// True when the prompt said nothing the parser knows: no label, exclusion, floor wish, time or level.
    /// </summary>
    public bool SaysNothing => Environment.Count == 0 && Outfit.Count == 0 && Goals.Count == 0 && Moods.Count == 0
        && BodyFocus.Count == 0 && Limitations.Count == 0 && Excluded.Count == 0 && NotOnFloor is null
        && MinutesAvailable is null && LevelHint is null;

    public IReadOnlyList<ContextEstimate> For(ContextDimension dimension) => dimension switch
    {
        ContextDimension.Environment => Environment,
        ContextDimension.Outfit => Outfit,
        ContextDimension.Goal => Goals,
        ContextDimension.Mood => Moods,
        ContextDimension.BodyFocus => BodyFocus,
        _ => Limitations,
    };
}
