namespace PoseGen.Core.Context.Scene;

/// <summary>
/// Accumulates rule points and their evidence per label, then ranks them into image-sourced estimates.
/// </summary>
internal sealed class ScoreSheet
{
    private readonly Dictionary<string, (double Points, List<string> Evidence)> _labels = new(StringComparer.Ordinal);

    public void Add(string label, double points, string evidence)
    {
        if (points <= 0)
            return;
        if (!_labels.TryGetValue(label, out var entry))
            _labels[label] = entry = (0, []);
        _labels[label] = (entry.Points + points, entry.Evidence);
        entry.Evidence.Add(evidence);
    }

    public double PointsOf(string label) => _labels.TryGetValue(label, out var e) ? e.Points : 0;

    /// <summary>
    /// Confidence = points / (total points + 1): shares of the evidence, damped when there is little of it.
    /// </summary>
    public IReadOnlyList<ContextEstimate> Rank()
    {
        var total = _labels.Values.Sum(v => v.Points) + 1;
        return [.. _labels
            .Select(kv => new ContextEstimate(kv.Key, Math.Round(kv.Value.Points / total, 3), ContextSource.Image,
                kv.Value.Evidence.ToArray()))
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.Label, StringComparer.Ordinal)];
    }
}
