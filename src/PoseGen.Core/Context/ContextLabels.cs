using PoseGen.Core.Profiles;

namespace PoseGen.Core.Context;

/// <summary>The kinds of context a prompt, a photo or the user's chips can describe.</summary>
public enum ContextDimension { Environment, Outfit, Goal, Mood, BodyFocus, Limitation }

/// <summary>
/// Where a context label came from. Chips (User) override both others; an explicit prompt overrides the image.
/// </summary>
public enum ContextSource { Prompt, Image, User }

/// <summary>
/// One label with its confidence in [0, 1], its source and the evidence behind it (the prompt words, or for an image
/// the measured cues such as "sand-coloured ground"). Shared by the prompt parser and image-based context
/// classification.
/// </summary>
public sealed record ContextEstimate(string Label, double Confidence, ContextSource Source,
    IReadOnlyList<string> Evidence);

/// <summary>
/// The label vocabularies. Ids are stable (stored, sent by the API, used in the pose library's data); display names are
/// for chips. Every classifier and the library use exactly these ids.
/// </summary>
public static class ContextLabels
{
    public static readonly IReadOnlyDictionary<string, string> Environments = new Dictionary<string, string>
    {
        ["beach"] = "Beach", ["park"] = "Park / nature", ["street"] = "City street", ["gym"] = "Gym", ["home"] = "Home",
        ["office"] = "Office", ["studio"] = "Studio / plain backdrop", ["snow"] = "Snow / mountain",
        ["water"] = "Water / pool",
    };

    public static readonly IReadOnlyDictionary<string, string> Outfits = new Dictionary<string, string>
    {
        ["formal"] = "Formal", ["business-casual"] = "Business casual", ["casual"] = "Casual",
        ["sportswear"] = "Sportswear",
        ["swimwear"] = "Swimwear", ["dress"] = "Dress / skirt", ["winter"] = "Winter wear",
    };

    public static readonly IReadOnlyDictionary<string, string> Goals = new Dictionary<string, string>
    {
        ["yoga"] = "Yoga", ["fitness"] = "Fitness", ["aesthetics"] = "Photos / aesthetics",
    };

    public static readonly IReadOnlyDictionary<string, string> Moods = new Dictionary<string, string>
    {
        ["elegant"] = "Elegant", ["playful"] = "Playful", ["confident"] = "Confident", ["calm"] = "Calm",
        ["energetic"] = "Energetic", ["romantic"] = "Romantic", ["edgy"] = "Edgy", ["natural"] = "Natural",
    };

    public static readonly IReadOnlyDictionary<string, string> BodyFocus = new Dictionary<string, string>
    {
        ["back"] = "Back", ["core"] = "Core", ["legs"] = "Legs", ["glutes"] = "Glutes", ["arms"] = "Arms",
        ["shoulders"] = "Shoulders", ["chest"] = "Chest", ["hips"] = "Hips", ["balance"] = "Balance",
        ["flexibility"] = "Flexibility", ["posture"] = "Posture", ["full-body"] = "Full body",
    };

    public static readonly IReadOnlyDictionary<string, string> Limitations = new Dictionary<string, string>
    {
        ["knees"] = "Knees", ["lower-back"] = "Lower back", ["wrists"] = "Wrists", ["shoulders"] = "Shoulders",
        ["neck"] = "Neck", ["pregnancy"] = "Pregnancy",
    };

    /// <summary>The label id of a profile goal ("yoga", "fitness", "aesthetics").</summary>
    public static string Id(Goal goal) => goal switch
    {
        Goal.Yoga => "yoga", Goal.Fitness => "fitness", _ => "aesthetics",
    };

    /// <summary>
    /// The label id of a profile limitation ("knees", "lower-back", ...), as used by pose contraindications.
    /// </summary>
    public static string Id(Limitation limitation) => limitation switch
    {
        Limitation.Knees => "knees", Limitation.LowerBack => "lower-back", Limitation.Wrists => "wrists",
        Limitation.Shoulders => "shoulders", Limitation.Neck => "neck", _ => "pregnancy",
    };

    public static IReadOnlyDictionary<string, string> For(ContextDimension dimension) => dimension switch
    {
        ContextDimension.Environment => Environments,
        ContextDimension.Outfit => Outfits,
        ContextDimension.Goal => Goals,
        ContextDimension.Mood => Moods,
        ContextDimension.BodyFocus => BodyFocus,
        _ => Limitations,
    };
}
