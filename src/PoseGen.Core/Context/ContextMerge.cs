namespace PoseGen.Core.Context;

/// <summary>
/// Combines the estimates of one dimension from the user's chips, the prompt and the photo. Chips win outright.
/// Otherwise an explicit prompt (a label at or above <see cref="ExplicitPrompt"/>) wins over the image: the prompt's
/// labels lead and image labels follow at no more than the prompt's weakest. Otherwise both are pooled per label,
/// keeping the higher confidence and both sets of evidence.
/// </summary>
public static class ContextMerge
{
    public const double ExplicitPrompt = 0.6;

    public static IReadOnlyList<ContextEstimate> Merge(
        IReadOnlyList<ContextEstimate> prompt, IReadOnlyList<ContextEstimate> image,
        IReadOnlyList<ContextEstimate>? chips = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(image);
        if (chips is { Count: > 0 }) return chips;
        if (prompt.Any(p => p.Confidence >= ExplicitPrompt))
        {
            var floor = prompt.Min(p => p.Confidence);
            var extra = image.Where(i => prompt.All(p => p.Label != i.Label))
                .Select(i => i with { Confidence = Math.Min(i.Confidence, floor * 0.99) });
            return Rank(prompt.Concat(extra));
        }
        var pooled = prompt.Concat(image).GroupBy(e => e.Label).Select(g =>
        {
            var best = g.MaxBy(e => e.Confidence)!;
            return best with { Evidence = g.SelectMany(e => e.Evidence).Distinct().ToArray() };
        });
        return Rank(pooled);
    }

    private static ContextEstimate[] Rank(IEnumerable<ContextEstimate> estimates) =>
        estimates.OrderByDescending(e => e.Confidence).ThenBy(e => e.Label, StringComparer.Ordinal).ToArray();
}
