using PoseGen.Application;
using PoseGen.Application.Photos;
using PoseGen.Core.Abstractions;
using PoseGen.Core.Context;
using PoseGen.Core.History;
using PoseGen.Core.Library;
using PoseGen.Core.Poses;
using PoseGen.Core.Profiles;
using PoseGen.Core.Recommendations;
using PoseGen.Data.Entities;
using PoseGen.Data.Storage;
using PoseGen.Imaging;
using PoseGen.Web.Hosting;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Services;

/// <summary>
/// Prompt, chips, profile overrides and an optional photo -> ranked library poses with reasons, saved to the history.
/// Chips replace what the prompt said for their dimension; goal and level overrides replace the profile's; limitations
/// given in the request are added to the profile's, never replace them, so a contraindication is never dropped.
/// Chip lists: null = take the prompt's (and the photo's) labels, empty = the user removed them all.
/// </summary>
public sealed class RecommendationService(
    PoseLibrary library,
    PoseRecommender recommender,
    ProfileService profiles,
    PoseFeedbackService feedback,
    HistoryService history,
    PhotoPoseDetector photos,
    IPoseDetector detector,
    IImageCodec codec,
    MediaStore media,
    ContextClassificationService scenes)
{
    public const int DefaultCount = 8;
    public const int MaxCount = 24;
    public const int MaxPromptLength = 1000;

    public async Task<RecommendationResponse> RecommendAsync(string userId, RecommendationRequestDto input,
        byte[]? photo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var count = input.Count ?? DefaultCount;
        if (count is < 1 or > MaxCount)
            throw new InvalidInputException($"count must be between 1 and {MaxCount}.");
        if (input.Prompt is { Length: > MaxPromptLength })
            throw new InvalidInputException($"The prompt is longer than {MaxPromptLength} characters.");

        // A session id is checked first too: another user's or an unknown one is not found, whatever else is wrong.
        if (input.SessionId is { } session && await history.GetAsync(userId, session,
            ct) is not { Kind: ActivityKind.Recommendation })
            throw new NotFoundException("No such recommendation session: start a new one without sessionId.");
        var profile = Override(await profiles.GetAsync(userId, ct), input);
        // Chips are checked before the photo is processed, so a bad chip leaves no thumbnail behind.
        var environmentChips = Labels(input.Environment, ContextDimension.Environment, "environment");
        var outfitChips = Labels(input.Outfit, ContextDimension.Outfit, "outfit");
        var (current, thumbnail) = photo is null ? (null, null) : await DetectAsync(userId, photo, ct);
        try
        {
            return await RecommendAsync(userId, input, photo, profile, environmentChips, outfitChips, current,
                thumbnail, count, ct);
        }
        catch
        {
            // A recommendation that failed after the photo's thumbnail was stored leaves no file behind.
            if (thumbnail is not null)
                media.Delete(thumbnail);
            throw;
        }
    }

    private async Task<RecommendationResponse> RecommendAsync(
        string userId, RecommendationRequestDto input, byte[]? photo, UserProfile profile,
        IReadOnlyList<string> environmentChips, IReadOnlyList<string> outfitChips, Pose? current, MediaFile? thumbnail,
        int count,
        CancellationToken ct)
    {
        // The photo's environment and outfit join the prompt's (an explicit prompt wins, ContextMerge); chips win over
        // both.
        var prompt = PromptParser.Default.Parse(input.Prompt);
        var scene = photo is not null && scenes.IsAvailable ? await scenes.ClassifyPhotoAsync(photo, ct) : null;
        var context = RecommendationContext.FromPrompt(prompt) with
        {
            Environment = ContextMerge.Merge(prompt.Environment, scene?.Environment ?? []),
            Outfit = ContextMerge.Merge(prompt.Outfit, scene?.Outfit ?? []),
        };
        context = context
            .WithChips(ContextDimension.Environment, environmentChips)
            .WithChips(ContextDimension.Outfit, outfitChips);
        // An explicit empty list means the user removed every chip of that dimension: no environment/outfit assumed.
        if (input.Environment is { Count: 0 }) context = context with { Environment = [] };
        if (input.Outfit is { Count: 0 }) context = context with { Outfit = [] };
        var stored = await feedback.ListAsync(userId, ct);

        var result = recommender.Recommend(new RecommendationRequest(profile, context, current, stored, count));
        var kinds = stored.ToDictionary(f => f.PoseId, f => f.Kind);
        var poses = result.Poses.Select(r => new RecommendedPoseDto(
            r.Pose.Id, r.Pose.Name, r.Pose.Sanskrit, PoseText.Id(r.Pose.Category), PoseText.Id(r.Pose.Difficulty),
            Math.Round(r.Score, 4), r.Reasons, r.Pose.Cues,
            kinds.TryGetValue(r.Pose.Id, out var k) ? PoseText.Id(k) : null,
            PoseText.Coco(library.Project(r.Pose, PoseView.Front, result.Proportions).ToCoco()))).ToList();

        var id = input.SessionId ?? Guid.NewGuid();
        var response = new RecommendationResponse(
            id, input.Prompt, ToDto(context), poses, result.Considered, result.Filtered,
            photo is null ? null : current is not null, result.NearestToPhoto,
            environmentChips.Count + outfitChips.Count == 0 ? PromptNote(input.Prompt, prompt) : null);
        var title = string.IsNullOrWhiteSpace(input.Prompt) ? "Pose recommendations"
            : $"Pose recommendations: {Shorten(input.Prompt.Trim(), 150)}";
        var summary = poses.Count == 0 ? "No pose fits" : string.Join(", ", poses.Take(3).Select(p => p.Name));
        // One entry per session: an edit replaces what the session's entry says (and its photo, when a new one came).
        if (input.SessionId is null)
            await history.AddAsync(userId, ActivityKind.Recommendation, title, Shorten(summary, 1000), response,
                thumbnail is null ? [] : [thumbnail], thumbnail?.Id, ct, id);
        else if (!await history.ReplaceAsync(userId, id, ActivityKind.Recommendation, title, Shorten(summary, 1000),
            response, thumbnail, ct))
            throw new NotFoundException("The recommendation session was deleted meanwhile.");
        return response;
    }

    /// <summary>
    /// Says so when a prompt was given but none of it was understood (gibberish, another language, words the parser
    /// does not know): the poses then come from the profile alone, and the user should know that rather than guess.
    /// </summary>
    internal static string? PromptNote(string? text, PromptContext parsed) =>
        string.IsNullOrWhiteSpace(text) || !parsed.SaysNothing ? null
            : "We did not recognise a place, outfit, mood, goal or time in what you wrote, so these poses fit your " +
            "profile only. "
              + "Try words like \"beach\", \"office\", \"in a dress\", \"relaxed\", \"stretch my back\", \"10 " +
              "minutes\" or \"bad knees\".";

    /// <summary>
    /// The most confident person in the photo (null when nobody is found) and a 320 px thumbnail for the history list.
    /// </summary>
    private async Task<(Pose? Person, MediaFile Thumbnail)> DetectAsync(string userId, byte[] photo,
        CancellationToken ct)
    {
        // Probed first, like the detection API: a bad photo is the caller's to fix whether or not the models are here.
        codec.Probe(photo);
        detector.EnsureAvailable(PoseModelKind.Auto);
        var (detection, image, _) = await photos.DetectWithImageAsync(photo, PoseModelKind.Auto, ct);
        var thumbnail = await media.SaveAsync(userId, codec.Encode(codec.Thumbnail(image, 320, 320), EncodeFormat.Jpeg,
            80), "image/jpeg", ct);
        // People come best first.
        return (detection.People.Count > 0 ? detection.People[0] : null, thumbnail);
    }

    private static UserProfile Override(UserProfile profile, RecommendationRequestDto input)
    {
        var goals = input.Goals is { Count: > 0 }
            ? input.Goals.Select(g => Parse<Goal>(g, "goal")).ToHashSet()
            : profile.Goals;
        var level = string.IsNullOrWhiteSpace(input.Level) ? profile.Level : Parse<Level>(input.Level, "level");
        var limitations = profile.Limitations
            .Concat((input.Limitations ?? []).Select(l => Parse<Limitation>(
                l.Replace("-", "", StringComparison.Ordinal), "limitation")))
            .ToHashSet();
        return profile with { Goals = goals, Level = level, Limitations = limitations };
    }

    private static T Parse<T>(string text, string field) where T : struct, Enum =>
        Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidInputException(
                $"Unknown {field} '{text}'. Use one of: " +
                $"{string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    private static IReadOnlyList<string> Labels(IReadOnlyList<string>? labels, ContextDimension dimension, string field)
    {
        var known = ContextLabels.For(dimension);
        var result = new List<string>();
        foreach (var label in labels ?? [])
        {
            var id = label.Trim().ToLowerInvariant();
            if (id.Length == 0) continue;
            if (!known.ContainsKey(id))
                throw new InvalidInputException(
                    $"Unknown {field} '{label}'. Use one of: {string.Join(", ", known.Keys)}.");
            result.Add(id);
        }
        return result;
    }

    private static RecommendationContextDto ToDto(RecommendationContext c) => new(
        ContextLabelDto.From(c.Environment), ContextLabelDto.From(c.Outfit), ContextLabelDto.From(c.Goals),
        ContextLabelDto.From(c.Moods), ContextLabelDto.From(c.BodyFocus), ContextLabelDto.From(c.Limitations),
        c.NotOnFloor);

    private static string Shorten(string text, int max) => text.Length <= max ? text
        : string.Concat(text.AsSpan(0, max - 1), "…");
}
