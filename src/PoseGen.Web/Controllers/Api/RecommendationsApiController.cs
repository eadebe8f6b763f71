using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PoseGen.Web.Hosting;
using PoseGen.Web.Services;
using PoseGen.Core.Errors;
using PoseGen.Web.Contracts.Recommendations;

namespace PoseGen.Web.Controllers.Api;

[ApiController]
[Authorize]
[Route("api/v1/recommendations")]
public sealed class RecommendationsApiController(
    RecommendationService recommendations, PoseFeedbackService feedback,
    IOptions<UploadOptions> uploads) : ControllerBase
{
    /// <summary>Ranked library poses for a prompt, chips and the user's profile; saved to the history.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<RecommendationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    public Task<RecommendationResponse> Recommend([FromBody] RecommendationRequestDto request, CancellationToken ct) =>
        recommendations.RecommendAsync(User.RequiredUserId(), request, null, ct);

    /// <summary>
    /// The same with a photo (field <c>image</c>): its detected pose sets body proportions and closeness.
    /// </summary>
    [EnableRateLimiting(RateLimits.Work)]
    [HttpPost]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<RecommendationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<RecommendationResponse> RecommendWithPhoto([FromForm] RecommendationForm form,
        CancellationToken ct)
    {
        var photo = form.Image is null ? null : await UploadReader.ReadImageAsync(form.Image, "image",
            uploads.Value.MaxImageBytes, ct);
        return await recommendations.RecommendAsync(User.RequiredUserId(), form.ToRequest(), photo, ct);
    }

    /// <summary>
    /// Stores like / not_for_me / done for a pose; the user's next recommendations take it into account.
    /// </summary>
    [HttpPost("feedback")]
    [ProducesResponseType<FeedbackRequestDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IActionResult> Feedback([FromBody] FeedbackRequestDto request, CancellationToken ct)
    {
        var kind = PoseText.Feedback(request.Kind)
            ?? throw new InvalidInputException("kind must be like, not_for_me or done.");
        if (string.IsNullOrWhiteSpace(request.PoseId))
            throw new InvalidInputException("poseId is required.");
        var saved = await feedback.SetAsync(User.RequiredUserId(), request.PoseId.Trim(), kind, ct);
        return Ok(new FeedbackRequestDto(saved.PoseId, PoseText.Id(saved.Kind)));
    }
}
