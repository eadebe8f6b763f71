using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PoseGen.Application.Workouts;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services.Workouts;
using PoseGen.Web.Contracts.Workouts;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/workouts")]
public sealed class WorkoutsApiController(WorkoutJobService jobs) : ControllerBase
{
    /// <summary>
    /// Queues a clip (multipart field <c>video</c>: mp4, webm or mov) for rep counting of <paramref name="exercise"/>
    /// (a catalog id, or <c>auto</c>, the default: recognised from the motion); answers 202 with the job id at once. A
    /// file that is not a video is a 415, an unreadable or too long one a 422.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost("analyze")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Analyze(IFormFile? video, [FromForm] string? exercise, CancellationToken ct)
    {
        var id = await jobs.EnqueueAsync(User.RequiredUserId(), video, exercise, ct);
        return AcceptedAtAction(nameof(Get), new { id }, new { id });
    }

    /// <summary>
    /// The job's status (queued, running, done, failed), progress in [0, 1] and, once done, the result.
    /// </summary>
    [HttpGet("analyses/{id:guid}")]
    [ProducesResponseType<WorkoutJobStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WorkoutJobStatus>> Get(Guid id, CancellationToken ct) =>
        await jobs.GetAsync(User.RequiredUserId(), id, ct) is { } status ? status : NotFound();
}
