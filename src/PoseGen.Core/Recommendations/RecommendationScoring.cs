using PoseGen.Core.Context;
using PoseGen.Core.Library;
using PoseGen.Core.Profiles;

namespace PoseGen.Core.Recommendations;

/// <summary>
/// The documented score of one feasible pose, and its reasons in plain words.
/// Goal: 1 when the pose's category serves a goal (profile or confident prompt goal), 0.35 for a photogenic pose when
/// the goal is photos, else 0; 0.5 when no goal is known. Level: 1 - |difficulty - level| / 2.
/// Context: mean over the asked-for environment, mood and focus of (confidence on labels the pose has) / (all
/// confidence); 0.5 when none is asked. Closeness (only with a photo): 1 for a pose the photo's nearest library pose
/// progresses to, 0.6 for that nearest pose itself, else 0.8 x 2D agreement. Preference: share of the user's tags the
/// pose carries. Feedback in [-1, 1]: + similarity to liked poses, -1 for a pose marked "not for me" and -0.5 x
/// similarity to those, -0.3 for a pose already done and +0.5 for the poses it progresses to; it enters the mean as
/// (feedback + 1) / 2.
/// </summary>
internal sealed class RecommendationScoring(
    PoseLibrary library, LibraryPoseSimilarity similarity, RecommendationRequest request,
    IReadOnlyDictionary<string, double>? closeness, LibraryPose? nearest)
{
    private const double WGoal = 0.30, WLevel = 0.15, WContext = 0.20, WCloseness = 0.10, WPreference = 0.10,
        WFeedback = 0.15;

    private readonly HashSet<string> _goals = request.Profile.Goals.Select(ContextLabels.Id)
        .Concat(request.Context.Goals.Where(g => g.Confidence >= 0.5).Select(g => g.Label)).ToHashSet();

    public Recommendation Score(LibraryPose pose)
    {
        var reasons = new List<string>();
        var goal = Goal(pose, reasons);
        var level = 1 - (Math.Abs((int)pose.Difficulty - (int)request.Profile.Level) / 2.0);
        reasons.Add(LevelReason(pose));
        var context = Context(pose, reasons);
        var close = Closeness(pose, reasons);
        var preference = Preference(pose, reasons);
        var feedback = Feedback(pose, reasons);
        var limitations = Feasibility.Limitations(request.Profile, request.Context);
        if (limitations.Count > 0)
        {
            var named = limitations.Select(l => PoseRecommender.Display(ContextDimension.Limitation, l));
            reasons.Add($"Safe with your {string.Join(" and ", named)}: no known strain there.");
        }
        if (request.Context.NotOnFloor) reasons.Add("Stays off the floor, as you asked.");

        double sum = (WGoal * goal) + (WLevel * level) + (WContext * context), weights = WGoal + WLevel + WContext;
        if (close is { } c) { sum += WCloseness * c; weights += WCloseness; }
        if (preference is { } p) { sum += WPreference * p; weights += WPreference; }
        // Feedback always counts, neutral (0.5) without any, so a like can only raise and "not for me" only lower a
        // score.
        sum += WFeedback * (((feedback ?? 0) + 1) / 2);
        weights += WFeedback;
        var total = Math.Round(sum / weights, 4);
        return new Recommendation(pose, total, new ScoreBreakdown(goal, level, context, close, preference, feedback,
            total), reasons);
    }

    private static string GoalOf(LibraryPose p) => p.Category switch
    {
        PoseCategory.Yoga => "yoga", PoseCategory.Fitness => "fitness", _ => "aesthetics",
    };

    private double Goal(LibraryPose pose, List<string> reasons)
    {
        if (_goals.Count == 0) return 0.5;
        if (_goals.Contains(GoalOf(pose)))
        {
            reasons.Add(pose.Category switch
            {
                PoseCategory.Yoga => "Fits your yoga practice.",
                PoseCategory.Fitness => "Fits your fitness goal.",
                _ => "Made for photos, as you want.",
            });
            return 1;
        }
        if (_goals.Contains("aesthetics") && pose.Tags.Contains("photogenic"))
        {
            reasons.Add("Also looks striking in photos.");
            return 0.35;
        }
        return 0;
    }

    private string LevelReason(LibraryPose pose)
    {
        var diff = (int)pose.Difficulty - (int)request.Profile.Level;
        var name = request.Profile.Level.ToString().ToLowerInvariant();
        return diff switch
        {
            0 => $"Right for your level ({name}).",
            > 0 => "A step up from your level: a good challenge.",
            _ => "Easier than your level: good for warming up or resting.",
        };
    }

    /// <summary>A label this sure was said outright ("romantic", "core"); below it, it was read from a hint ("sunset"),
    /// and the reason quotes the hint instead of claiming a wish (the prompt lexicon's strong cues start at
    /// 0.6).</summary>
    private const double SaidOutright = 0.6;

    private double Context(LibraryPose pose, List<string> reasons)
    {
        var parts = new List<double>();
        void Part(IReadOnlyList<ContextEstimate> asked, IReadOnlyList<string> has, ContextDimension d,
            Func<string, string> reason, Func<string, string, string>? hinted = null)
        {
            var total = asked.Sum(a => a.Confidence);
            if (total <= 0) return;
            var matched = asked.Where(a => has.Contains(a.Label)).ToList();
            parts.Add(matched.Sum(a => a.Confidence) / total);
            if (matched.Count == 0) return;
            var names = string.Join(" and ", matched.Select(m => PoseRecommender.Display(d, m.Label)));
            var hints = matched.SelectMany(m => m.Evidence).Distinct().ToList();
            reasons.Add(hinted is not null && matched.All(m => m.Confidence < SaidOutright) && hints.Count > 0
                ? hinted(names, string.Join(", ", hints.Select(h => $"\"{h}\"")))
                : reason(names));
        }
        Part(request.Context.Environment, pose.Environments, ContextDimension.Environment,
            s => $"Works in your setting ({s}).");
        Part(request.Context.Moods, pose.Moods, ContextDimension.Mood, s => $"Has the {s} feel you asked for.",
            (s, hint) => $"Has a {s} feel, which suits {hint}.");
        Part(request.Context.BodyFocus, pose.Focus, ContextDimension.BodyFocus, s => $"Works your {s}, as you asked.",
            (s, hint) => $"Works your {s}, which goes with {hint}.");
        var outfit = request.Context.Outfit.Where(o => o.Confidence >= Feasibility.ContextThreshold)
            .Select(o => PoseRecommender.Display(ContextDimension.Outfit, o.Label)).ToList();
        if (outfit.Count > 0) reasons.Add($"Doable in {string.Join(" and ", outfit)}.");
        return parts.Count == 0 ? 0.5 : parts.Average();
    }

    private double? Closeness(LibraryPose pose, List<string> reasons)
    {
        if (closeness is null || nearest is null) return null;
        if (nearest.ProgressesTo.Contains(pose.Id))
        {
            reasons.Add($"The next step from the pose in your photo ({nearest.Name}).");
            return 1;
        }
        if (pose.Id == nearest.Id)
        {
            reasons.Add("This is the pose your photo is closest to: refine it.");
            return 0.6;
        }
        var agreement = closeness[pose.Id];
        if (agreement >= 0.85) reasons.Add("Close to the pose in your photo.");
        return 0.8 * agreement;
    }

    private double? Preference(LibraryPose pose, List<string> reasons)
    {
        var tags = request.Profile.Preferences.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0)
            .ToHashSet();
        if (tags.Count == 0) return null;
        var carried = pose.Tags.Concat(pose.Moods).Concat(pose.Focus).Append(pose.Family)
            .Append(pose.Kind.ToString().ToLowerInvariant()).ToHashSet();
        var hits = tags.Where(carried.Contains).ToList();
        if (hits.Count > 0) reasons.Add($"Matches your interest in {string.Join(", ", hits)}.");
        return (double)hits.Count / tags.Count;
    }

    private double? Feedback(LibraryPose pose, List<string> reasons)
    {
        var feedback = request.Feedback;
        if (feedback is null || feedback.Count == 0) return null;
        double value = 0;
        foreach (var f in feedback)
        {
            var other = library.Find(f.PoseId);
            if (other is null) continue;
            var sim = similarity.Between(pose, other);
            switch (f.Kind)
            {
                case FeedbackKind.Like:
                    value += sim;
                    if (other.Id != pose.Id && sim >= 0.6) reasons.Add($"Similar to {other.Name}, which you liked.");
                    break;
                case FeedbackKind.NotForMe:
                    value -= other.Id == pose.Id ? 1 : 0.5 * sim;
                    if (other.Id == pose.Id) reasons.Add(
                        "You marked this as not for you; it is here only because little else fits.");
                    break;
                case FeedbackKind.DoneIt when other.Id == pose.Id:
                    value -= 0.3;
                    break;
                case FeedbackKind.DoneIt when other.ProgressesTo.Contains(pose.Id):
                    value += 0.5;
                    reasons.Add($"You've done {other.Name}; this is the next step.");
                    break;
            }
        }
        return Math.Clamp(value, -1, 1);
    }
}
