using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Generation;
using PoseGen.Web.Contracts.Generation;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/generations")]
public sealed class GenerationsApiController(GenerationJobService jobs) : ControllerBase
{
    /// <summary>
    /// Queues a render of the pose; 202 with the job id; 429 when the user's own renders fill their share of the line,
    /// 503 when generation is not installed or the line is full (both busy answers with Retry-After).
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Create(GenerationRequestDto request, CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(User.RequiredUserId(), request, ct);
        return AcceptedAtAction(nameof(Get), new { id }, new { id });
    }

    /// <summary>Whether generation is installed here, and if not, how to install it.</summary>
    [HttpGet("status")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public IActionResult GeneratorStatus() =>
        Ok(new { available = jobs.UnavailableMessage() is null, message = jobs.UnavailableMessage(),
            device = jobs.GeneratorStatus().Device });

    /// <summary>Status, progress, queue position and image URLs (result once done, the OpenPose map always).</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<GenerationJobStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<GenerationJobStatus>> Get(Guid id, CancellationToken ct) =>
        await jobs.GetAsync(User.RequiredUserId(), id, ct) is { } status ? status : NotFound();

    [HttpGet("{id:guid}/preview.png")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct) =>
        await jobs.PreviewAsync(User.RequiredUserId(), id, ct) is { } png ? File(png, "image/png") : NotFound();

    /// <summary>Cancels a queued or running job; a finished one is answered as it is.</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType<GenerationJobStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<GenerationJobStatus>> Cancel(Guid id, CancellationToken ct) =>
        await jobs.CancelAsync(User.RequiredUserId(), id, ct) is { } status ? status : NotFound();

    /// <summary>
    /// The ControlNet OpenPose conditioning PNG for a pose (same pose fields as a generation); needs no models.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("openpose-map")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Map(GenerationRequestDto request, CancellationToken ct) =>
        File(await jobs.RenderMapAsync(User.RequiredUserId(), request, ct), "image/png");

    /// <summary>A library pose (or a saved analysis) as OpenPose keypoints on the output canvas, for editing.</summary>
    [HttpGet("pose")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Pose(
        [FromQuery] string? poseId, [FromQuery] string? view, [FromQuery] double? heightM, [FromQuery] Guid? analysisId,
        [FromQuery] int? width, [FromQuery] int? height, CancellationToken ct)
    {
        var request = new GenerationRequestDto(PoseId: poseId, View: view, HeightM: heightM, AnalysisId: analysisId,
            Width: width, Height: height);
        return Ok(new { width = width ?? 512, height = height ?? 512,
            keypoints = await jobs.KeypointsAsync(User.RequiredUserId(), request, ct) });
    }

    [HttpGet("openpose-map")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<IActionResult> MapForLibraryPose(
        [FromQuery] string? poseId, [FromQuery] string? view, [FromQuery] double? heightM, [FromQuery] int? width,
        [FromQuery] int? height,
        CancellationToken ct) =>
        Map(new GenerationRequestDto(PoseId: poseId ?? "", View: view, HeightM: heightM, Width: width, Height: height),
            ct);
}
