using PoseGen.Core.Library;

namespace PoseGen.Core.Generation;

/// <summary>
/// The suggested Stable Diffusion prompt for rendering a library pose: subject and pose name first (SD 1.5 weighs early
/// tokens most), then the outfit and setting, then photographic quality terms. Kept short of CLIP's 75 usable tokens.
/// </summary>
public static class PromptSuggestion
{
    public const string NegativePrompt =
        "lowres, blurry, deformed, bad anatomy, extra limbs, missing limbs, extra fingers, bad hands, watermark, text";

    /// <param name="context">Where the photo is taken (e.g. "beach at sunset"); null or blank for the pose's first
    /// environment.</param>
    /// <param name="outfit">What the person wears; null or blank for the pose's first listed outfit.</param>
    public static string For(LibraryPose pose, string? context, string? outfit)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var name = pose.Sanskrit is { Length: > 0 } sanskrit ? $"{pose.Name} ({sanskrit})" : pose.Name;
        var what = pose.Category switch
        {
            PoseCategory.Yoga => $"a person doing the {name} yoga pose",
            PoseCategory.Fitness => $"a person doing {name}",
            _ => $"a person posing, {name}",
        };
        var parts = new List<string> { "full body photo of " + what };
        if ((Clean(outfit) ?? pose.Outfits.FirstOrDefault()) is { } wear)
            parts.Add("wearing " + (wear == "casual" ? "casual clothes" : wear));
        if ((Clean(context) ?? pose.Environments.FirstOrDefault()) is { } place)
            parts.Add(place);
        parts.Add("natural light, sharp focus, detailed, realistic");
        return string.Join(", ", parts);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ',
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
