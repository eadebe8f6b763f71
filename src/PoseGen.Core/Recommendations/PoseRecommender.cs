using PoseGen.Core.Context;
using PoseGen.Core.Library;

namespace PoseGen.Core.Recommendations;

/// <summary>
/// Recommends library poses in three steps. 1. Hard filters (<see cref="Feasibility"/>). 2. A score, the weighted mean
/// of the parts that apply: goal fit 0.30, level fit 0.15, context fit 0.20, closeness to the photo's pose 0.10,
/// preference tags 0.10, the user's feedback 0.15 (see <see cref="RecommendationScoring"/>). 3. Diversity: maximal
/// marginal relevance (pick = 0.7 score - 0.3 max similarity to the poses already picked), skipping near-duplicates
/// (similarity >= 0.9) and a third pose of one family.
/// </summary>
public sealed class PoseRecommender(PoseLibrary library)
{
    public const double Lambda = 0.7;
    public const double NearDuplicate = 0.9;
    public const int MaxPerFamily = 2;

    private readonly LibraryPoseSimilarity _similarity = new(library);

    public LibraryPoseSimilarity Similarity => _similarity;

    public RecommendationResult Recommend(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranked = Rank(request, out var proportions, out var nearest, out var filtered);
        var picked = Diversify(ranked, Math.Max(0, request.Count));
        return new RecommendationResult(picked, proportions, library.All.Count, filtered, nearest?.Id);
    }

    /// <summary>Every feasible pose with its score and reasons, best first, before diversity.</summary>
    public IReadOnlyList<Recommendation> Rank(RecommendationRequest request) => Rank(request, out _, out _, out _);

    private List<Recommendation> Rank(RecommendationRequest request, out BodyProportions proportions,
        out LibraryPose? nearest, out int filtered)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = request.Profile;
        // The profile stores centimetres; proportions are in metres. Implausible heights are treated as unknown.
        double? height = profile.HeightCm is int cm and >= 100 and <= 250 ? cm / 100.0 : null;
        proportions = request.CurrentPose is { } current
            ? BodyProportions.FromKeypoints(current, height)
            : BodyProportions.ForHeight(height ?? BodyProportions.DefaultHeight);
        var closeness = request.CurrentPose is null ? null
            : library.All.ToDictionary(p => p.Id, p => _similarity.ToDetected(request.CurrentPose, p));
        nearest = closeness is null ? null : library.All.MaxBy(p => closeness[p.Id]);
        var scoring = new RecommendationScoring(library, _similarity, request, closeness, nearest);
        var feasible = library.All.Where(p => Feasibility.Violation(p, profile, request.Context) is null).ToList();
        filtered = library.All.Count - feasible.Count;
        return feasible.Select(scoring.Score)
            .OrderByDescending(r => r.Score).ThenBy(r => r.Pose.Id, StringComparer.Ordinal).ToList();
    }

    private List<Recommendation> Diversify(List<Recommendation> ranked, int count)
    {
        var picked = new List<Recommendation>();
        var pool = new List<Recommendation>(ranked);
        while (picked.Count < count && pool.Count > 0)
        {
            Recommendation? best = null;
            var bestValue = double.NegativeInfinity;
            foreach (var candidate in pool)
            {
                var maxSim = picked.Count == 0 ? 0 : picked.Max(p => _similarity.Between(p.Pose, candidate.Pose));
                if (maxSim >= NearDuplicate || picked.Count(p => p.Pose.Family == candidate.Pose.Family)
                    >= MaxPerFamily) continue;
                var value = (Lambda * candidate.Score) - ((1 - Lambda) * maxSim);
                if (value > bestValue) (best, bestValue) = (candidate, value);
            }
            if (best is null) break;
            picked.Add(best);
            pool.Remove(best);
        }
        return picked;
    }

    /// <summary>The display name of a label for reasons ("Beach", "Dress / skirt").</summary>
    internal static string Display(ContextDimension d, string label) =>
        ContextLabels.For(d).TryGetValue(label, out var name) ? name.ToLowerInvariant() : label;
}
