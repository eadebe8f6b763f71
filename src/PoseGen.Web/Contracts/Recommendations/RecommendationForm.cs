namespace PoseGen.Web.Contracts.Recommendations;

/// <summary>
/// The multipart form of a recommendation request: a photo plus the JSON body's fields (lists repeated or
/// comma-separated).
/// </summary>
public sealed class RecommendationForm
{
    public IFormFile? Image { get; set; }
    public string? Prompt { get; set; }
    public List<string> Environment { get; set; } = [];
    public List<string> Outfit { get; set; } = [];
    public List<string> Goals { get; set; } = [];
    public string? Level { get; set; }
    public List<string> Limitations { get; set; } = [];
    public int? Count { get; set; }
    public Guid? SessionId { get; set; }

    public RecommendationRequestDto ToRequest() =>
        new(Prompt, Split(Environment), Split(Outfit), Split(Goals), Level, Split(Limitations), Count, SessionId);

    // A form cannot tell "no field" from "empty list", so no values means "not given" here.
    private static List<string>? Split(List<string> values)
    {
        var split = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries
            | StringSplitOptions.TrimEntries)).ToList();
        return split.Count == 0 ? null : split;
    }
}
