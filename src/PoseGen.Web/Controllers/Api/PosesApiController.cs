using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoseGen.Core.Abstractions;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Web.ViewModels.Poses;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/poses")]
public sealed class PosesApiController(PoseAnalysisService analysis, HistoryService history, IOptions<UploadOptions> uploads) : ControllerBase
{
    /// <summary>
    /// Keypoints of every person in a photo (multipart field <c>image</c>). <paramref name="model"/>: auto (multipose finds
    /// people, thunder refines each), lightning, thunder or multipose. <paramref name="format"/>: posegen, coco or openpose.
    /// No person is a 200 with an empty list. The call is saved to the user's history.
    /// </summary>
    [HttpPost("detect")]
    public async Task<IActionResult> Detect(
        IFormFile? image, [FromQuery] PoseModelKind model = PoseModelKind.Auto,
        [FromQuery] PoseOutputFormat format = PoseOutputFormat.Posegen, [FromQuery] long imageId = 0, CancellationToken ct = default)
    {
        var bytes = await UploadReader.ReadImageAsync(image, "image", uploads.Value.MaxImageBytes, ct);
        var response = await analysis.AnalyzeAsync(User.RequiredUserId(), bytes, model, ct);
        return Ok(PoseFormats.Render(response, format, imageId));
    }

    /// <summary>A saved analysis of the user's, in any export format (the Analyze page's download links).</summary>
    [HttpGet("analyses/{id:guid}")]
    public async Task<IActionResult> Analysis(
        Guid id, [FromQuery] PoseOutputFormat format = PoseOutputFormat.Posegen, [FromQuery] long imageId = 0, CancellationToken ct = default)
    {
        var activity = await history.GetAsync(User.RequiredUserId(), id, ct);
        if (activity is not { Kind: PoseGen.Core.History.ActivityKind.Analysis })
            return NotFound();
        var response = HistoryService.ReadDocument<PoseDetectionResponse>(activity)
            ?? throw new InvalidOperationException($"Analysis {id} has no result document.");
        return Ok(PoseFormats.Render(response, format, imageId));
    }
}
