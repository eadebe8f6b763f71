namespace PoseGen.Web.Contracts.Context;

/// <summary>The multipart form of a context request: a photo, a prompt, or both.</summary>
public sealed class ContextForm
{
    public IFormFile? Image { get; set; }
    public string? Prompt { get; set; }
}
