using PoseGen.Core.Context;

namespace PoseGen.Web.ViewModels.Recommendations;

/// <summary>
/// Where a pose works and what to wear for it, in words that tell poses apart: a list of all nine places says nothing,
/// so a pose that suits every place reads "Anywhere", one that leaves out a few reads "Anywhere but ...", and only the
/// rest list their places.
/// </summary>
public static class PoseFacts
{
    /// <summary>
    /// Up to this many left out, naming what is left out is shorter and says more than naming what is in.
    /// </summary>
    private const int MaxExclusions = 3;

    public static string Places(IReadOnlyList<string> environmentIds) =>
        Describe(environmentIds, ContextLabels.Environments, "Anywhere");

    public static string Outfits(IReadOnlyList<string> outfitIds) =>
        Describe(outfitIds, ContextLabels.Outfits, "Any outfit");

    private static string Describe(IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> labels, string all)
    {
        var left = labels.Keys.Where(id => !ids.Contains(id)).ToList();
        if (left.Count == 0) return all;
        if (left.Count <= MaxExclusions) return $"{all} but {Join(left, labels).ToLowerInvariant()}";
        return Join(ids, labels);
    }

    private static string Join(IEnumerable<string> ids, IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", ids.Select(id => labels.TryGetValue(id, out var label) ? label : id));
}
